#!/usr/bin/env node
// `npm start`: the whole platform on one machine. Installs what is missing, brings up Postgres and
// a real Kafka broker, builds, starts the five services (each migrates its own database on boot),
// waits for every /ready, and prints where to go. Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['enrolment', 'assessment', 'budget', 'feedback', 'gateway'];

ensureInstalled();
const { infraUp, stopKafka } = await import('./infra.mjs');
const { serviceDatabaseUrl } = await import('../deploy/postgres/postgres.mjs');
const settings = (await import('../libs/config/src/settings.json', { with: { type: 'json' } })).default;
const { ensureDevKeys, devToken } = await import('./dev-token.mjs');
const started = Date.now();
const infra = await infraUp();

console.log('build: tsc -b tsconfig.build.json');
const build = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) await shutdown(build.status ?? 1);

const url = (s) => `http://127.0.0.1:${settings.ports[s]}`;
const children = new Map();
for (const service of SERVICES) {
  const env = {
    ...process.env,
    PORT: String(settings.ports[service]),
    LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    DATABASE_URL: serviceDatabaseUrl(service, infra.postgres),
    KAFKA_BROKERS: infra.brokers.join(','),
    ENROLMENT_URL: url('enrolment'), ASSESSMENT_URL: url('assessment'), BUDGET_URL: url('budget'), FEEDBACK_URL: url('feedback'),
    AUTH_LOCAL_JWKS: process.env.AUTH_JWKS_URL ? process.env.AUTH_LOCAL_JWKS ?? '' : (process.env.AUTH_LOCAL_JWKS ?? await ensureDevKeys()),
  };
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', './deploy/register-paths.cjs', `dist/services/${service}/src/main.js`],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${service.padEnd(10)}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(service);
    if (!stopping) { console.error(`${prefix}exited (${signal ?? code}); stopping the platform`); void shutdown(1); }
  });
  children.set(service, child);
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await Promise.all([...children.values()].map((c) => new Promise((resolve) => {
    c.once('exit', resolve);
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 15000).unref();
  })));
  if (infra.startedKafka) await stopKafka();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function ready(service) {
  for (;;) {
    if (stopping) return;
    try {
      const res = await fetch(`${url(service)}/ready`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
}
await Promise.all(SERVICES.map(ready));
if (!stopping) {
  const token = (role, unit) => devToken({ role, unit, ttl: '12h' });
  const tokens = [
    ['admin', await token('admin')], ['training-officer', await token('training-officer')],
    ['unit-head DINKES', await token('unit-head', 'DINKES')], ['auditor', await token('auditor')], ['kiosk', await token('kiosk')],
  ];
  console.log(`
Kompeten is up (${((Date.now() - started) / 1000).toFixed(1)} s).
  gateway      ${url('gateway')}/api/v1        (/health, /ready)
  OpenAPI      ${url('gateway')}/api/docs  (JSON: /api/docs-json)
  services     ${SERVICES.filter((s) => s !== 'gateway').map((s) => `${s} ${url(s)}`).join(' · ')}
  kafka        ${infra.brokers.join(',')}${infra.startedKafka ? ' (started by npm start)' : ' (already running)'}
  postgres     ${infra.postgres.replace(/:[^:@/]*@/, ':***@')}

Development tokens (12 h; more with npm run token -- --role <role> [--unit OPD] [--nip NIP]):
${tokens.map(([r, t]) => `  ${r.padEnd(17)} ${t}`).join('\n')}

Ctrl-C stops everything npm start started.`);
}
