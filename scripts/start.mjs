#!/usr/bin/env node
// `npm start`: the whole platform on one machine. Installs what is missing, brings up Postgres and
// a real Kafka broker, builds, starts the five services (each migrates its own database on boot),
// waits for every /ready, fills it the first time with a small demo city (tools/demo), and prints
// where to go. Ctrl-C stops everything it started.
//   npm start -- --no-demo        skip the demo city
//   npm start -- --size medium    a bigger demo city (tiny, small, medium, large)
//   npm start -- --logs           every service log line on the terminal (they always go to .cache/logs/)
//   npm start -- --replicas 2     N processes of the gateway and of each service, each service behind its
//                                 one port (Node's cluster: a supervisor hands connections to its replicas
//                                 in turn; consumers share their groups, one outbox relay leads per database).
//                                 `kill -HUP <pid>` of a service's supervisor restarts its replicas one by one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['enrolment', 'assessment', 'budget', 'feedback', 'gateway'];
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const replicas = Number(option('--replicas') ?? 1);
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 16) {
  console.error(`--replicas wants a whole number from 1 to 16 (got ${option('--replicas')})`);
  process.exit(2);
}

ensureInstalled();
// Imported only now, on purpose: these modules load packages (kafkajs, pg) that ensureInstalled may
// just have installed on a fresh clone.
const { infraUp, stopKafka } = await import('./infra.mjs');
const { serviceDatabaseUrl } = await import('../deploy/postgres/postgres.mjs');
const settings = (await import('../libs/config/src/settings.json', { with: { type: 'json' } })).default;
const { ensureDevKeys, devToken, ensureInternalIdentityKeys } = await import('./dev-token.mjs');
const internalIdentity = ensureInternalIdentityKeys();
const { ensurePersonalDataKek } = await import('./personal-data-kek.mjs');
const personalDataKek = ensurePersonalDataKek();
const started = Date.now();
const infra = await infraUp();

console.log('build: tsc -b tsconfig.build.json');
const build = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) await shutdown(build.status ?? 1);

// Services log JSON to .cache/logs/<service>.log. While the platform starts and the demo fills it,
// the terminal shows only what is not a log line (a crash); warnings and errors are counted (a line
// per demo request, and the broker's start-up chatter, would bury the progress). Then every line,
// pretty on a terminal — or every line from the start with --logs.
const logDir = path.join(root, '.cache', 'logs');
fs.mkdirSync(logDir, { recursive: true });
let phase = args.includes('--logs') ? 'live' : 'quiet';
const held = { warnings: 0, errors: 0 };
const pretty = process.stdout.isTTY
  ? (() => {
      try {
        return createRequire(import.meta.url)('pino-pretty').prettyFactory({
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
        });
      } catch {
        return null;
      }
    })()
  : null;
function show(prefix, line) {
  let entry = null;
  try {
    entry = JSON.parse(line);
  } catch {
    /* not a log line: a crash, a stack trace */
  }
  if (phase === 'quiet' && entry) {
    const level = typeof entry.level === 'number' ? entry.level : ({ WARN: 40, ERROR: 50 }[entry.level] ?? 30);
    if (level >= 50) held.errors++;
    else if (level >= 40) held.warnings++;
    return;
  }
  process.stdout.write(
    prefix + (entry && pretty && typeof entry.level === 'number' ? pretty(entry).trimEnd() : line) + '\n',
  );
}
const tail = (file, n = 15) => fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');

const url = (s) => `http://127.0.0.1:${settings.ports[s]}`;
const children = new Map();
for (const service of SERVICES) {
  const env = {
    ...process.env,
    PORT: String(settings.ports[service]),
    LOG_FORMAT: 'json',
    REPLICAS: String(replicas),
    // A replica told to stop keeps serving (not ready, each answer closing its connection) this long,
    // so that keep-alive clients — the gateway's pools, the demo — move to the other replicas first.
    SHUTDOWN_DRAIN_MS: process.env.SHUTDOWN_DRAIN_MS ?? (replicas > 1 ? '2000' : '0'),
    DATABASE_URL: serviceDatabaseUrl(service, infra.postgres),
    KAFKA_BROKERS: infra.brokers.join(','),
    ENROLMENT_URL: url('enrolment'),
    ASSESSMENT_URL: url('assessment'),
    BUDGET_URL: url('budget'),
    FEEDBACK_URL: url('feedback'),
    // The gateway signs who is calling; the services trust only that signature (SECURITY.md).
    INTERNAL_IDENTITY_SIGNING_KEY: process.env.INTERNAL_IDENTITY_SIGNING_KEY ?? internalIdentity.signingKey,
    INTERNAL_IDENTITY_JWKS: process.env.INTERNAL_IDENTITY_JWKS ?? internalIdentity.jwks,
    // Per-person keys are wrapped by this KEK, kept outside the database (SECURITY.md).
    PERSONAL_DATA_KEK: process.env.PERSONAL_DATA_KEK ?? personalDataKek.file,
    PERSONAL_DATA_KEK_ID: process.env.PERSONAL_DATA_KEK ? process.env.PERSONAL_DATA_KEK_ID : personalDataKek.id,
    AUTH_LOCAL_JWKS: process.env.AUTH_JWKS_URL
      ? (process.env.AUTH_LOCAL_JWKS ?? '')
      : (process.env.AUTH_LOCAL_JWKS ?? (await ensureDevKeys())),
  };
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '-r', './deploy/register-paths.cjs', `dist/services/${service}/src/main.js`],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const prefix = `[${service.padEnd(10)}] `;
  const file = fs.createWriteStream(path.join(logDir, `${service}.log`));
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        file.write(line + '\n');
        show(prefix, line);
      }
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(service);
    if (!stopping) {
      console.error(
        `${prefix}exited (${signal ?? code}); the end of ${path.relative(root, file.path)}:\n${tail(file.path)}\nstopping the platform`,
      );
      void shutdown(1);
    }
  });
  children.set(service, child);
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await Promise.all(
    [...children.values()].map(
      (c) =>
        new Promise((resolve) => {
          c.once('exit', resolve);
          c.kill('SIGTERM');
          setTimeout(() => c.kill('SIGKILL'), 15000).unref();
        }),
    ),
  );
  if (infra.startedKafka) await stopKafka();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function ready(service) {
  for (const since = Date.now(), said = { done: false }; ;) {
    if (stopping) return;
    if (!said.done && Date.now() - since > 60000) {
      said.done = true;
      console.log(`still waiting for ${service} to be ready (GET /ready); see .cache/logs/${service}.log`);
    }
    try {
      const res = await fetch(`${url(service)}/ready`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
await Promise.all(SERVICES.map(ready));
const upAfter = ((Date.now() - started) / 1000).toFixed(1);

// The demo city, through the gateway's public API; the first time only (it checks through the API).
let headline = null;
if (!stopping && !args.includes('--no-demo')) {
  console.log(`\nKompeten is up (${upAfter} s). The demo city (npm run demo -- --help):`);
  const summary = path.join(root, '.cache', 'demo-summary.txt');
  fs.rmSync(summary, { force: true });
  const demo = spawn(
    process.execPath,
    [
      '-r',
      './deploy/register-paths.cjs',
      'dist/tools/demo/src/main.js',
      '--if-empty',
      '--size',
      option('--size') ?? 'small',
      '--gateway',
      url('gateway'),
      '--summary-file',
      summary,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const code = await new Promise((resolve) => demo.on('exit', resolve));
  headline = fs.existsSync(summary)
    ? fs.readFileSync(summary, 'utf8').trimEnd().split('\n')
    : [`The demo did not finish (exit ${code}); the platform runs on. Try again: npm run demo`];
}
if (!stopping) {
  phase = 'live';
  const token = (role, unit) => devToken({ role, unit, ttl: '12h' });
  const tokens = [
    ['admin', await token('admin')],
    ['training-officer', await token('training-officer')],
    ['unit-head DINKES', await token('unit-head', 'DINKES')],
    ['auditor', await token('auditor')],
    ['kiosk', await token('kiosk')],
  ];
  console.log(`
Kompeten is up (${upAfter} s${headline ? `; ${((Date.now() - started) / 1000).toFixed(1)} s with the demo city` : ''}).
  gateway      ${url('gateway')}/api/v1        (/health, /ready)
  OpenAPI      ${url('gateway')}/api/docs  (JSON: /api/docs-json)
  replicas     ${replicas} process${replicas > 1 ? 'es' : ''} per service${replicas > 1 ? ` behind each port; rolling restart: kill -HUP <supervisor pid> (${[...children].map(([s, c]) => `${s} ${c.pid}`).join(', ')})` : ''}
  services     ${SERVICES.filter((s) => s !== 'gateway')
    .map((s) => `${s} ${url(s)}`)
    .join(' · ')}
  kafka        ${infra.brokers.join(',')}${infra.startedKafka ? ' (started by npm start)' : ' (already running)'}
  postgres     ${infra.postgres.replace(/:[^:@/]*@/, ':***@')}
  logs         .cache/logs/<service>.log${held.warnings + held.errors ? ` (${held.warnings} warnings, ${held.errors} errors while starting and filling)` : ''}

Development tokens (12 h; more with npm run token -- --role <role> [--unit OPD] [--nip NIP]):
${tokens.map(([r, t]) => `  ${r.padEnd(17)} ${t}`).join('\n')}
${headline ? `\n${headline.join('\n')}\n` : ''}
Ctrl-C stops everything npm start started.`);
}
