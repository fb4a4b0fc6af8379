// docker-compose.yml and deploy/ are checked against the project itself (settings, ports, topics,
// database init), since no Docker engine runs in CI to catch a drift between them.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { kompetenTarget, ROOT } from '../deploy/register-paths.cjs';
import settingsJson from '../libs/config/src/settings.json';
import topicsJson from '../libs/contracts/src/topics.json';

const root = path.resolve(__dirname, '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

interface Settings {
  /** Required by every service. */
  common: string[];
  /** Required by the gateway too. */
  gateway: string[];
  /** Set in every container (compose, Kubernetes): listen on every interface, production rules. */
  container: string[];
  /** Required in production by the services that hold personal data (all but the gateway). */
  personalData: string[];
  /** Set on the enrolment service in containers: where the public reaches the gateway (certificates' QR codes). */
  enrolment: string[];
  ports: Record<string, number>;
}
const settings: Settings = settingsJson;

/** A service of docker-compose.yml, as far as these tests read it (the Compose format has more). */
interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  /** A map, or a list of KEY=VALUE. */
  environment?: Record<string, string | number | boolean | null> | string[];
  /** A list of services, or a map of service to condition. */
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: string[];
  volumes?: string[];
  /** Short form (a name) or long form ({ source, target }). */
  configs?: (string | { source: string; target?: string })[];
  secrets?: (string | { source: string; target?: string })[];
  restart?: string;
  stop_grace_period?: string;
}
const compose = parse(read('docker-compose.yml')) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { file?: string }>;
  secrets?: Record<string, { file?: string }>;
};
const services = compose.services;
const names = ['gateway', 'enrolment', 'assessment', 'budget', 'feedback'];
const downstream = names.filter((n) => n !== 'gateway');

/** Compose allows `environment` as a map or as a list of KEY=VALUE. */
function env(service: string): Record<string, string> {
  const e = services[service].environment ?? {};
  if (!Array.isArray(e)) return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(e.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** depends_on as { service: condition } (the short list form means service_started). */
function dependsOn(service: string): Record<string, string> {
  const d = services[service].depends_on ?? {};
  if (Array.isArray(d)) return Object.fromEntries(d.map((s) => [s, 'service_started']));
  return Object.fromEntries(Object.entries(d).map(([s, v]) => [s, v.condition ?? 'service_started']));
}

const healthTest = (service: string): string => {
  const t = services[service].healthcheck?.test;
  return Array.isArray(t) ? t.join(' ') : String(t ?? '');
};

describe('docker-compose.yml', () => {
  it('declares the five services, each built from deploy/Dockerfile with SERVICE set to its name', () => {
    expect(Object.keys(settings.ports).sort()).toEqual([...names].sort());
    for (const name of names) {
      const build = services[name]?.build;
      expect({ name, context: build?.context, dockerfile: build?.dockerfile, service: build?.args?.SERVICE }).toEqual({
        name,
        context: '.',
        dockerfile: 'deploy/Dockerfile',
        service: name,
      });
    }
  });

  it('gives every service the PORT from settings.json and publishes it on the same host port', () => {
    for (const name of names) {
      const port = settings.ports[name];
      expect({ name, PORT: env(name).PORT }).toEqual({ name, PORT: String(port) });
      expect(services[name].ports).toContain(`${port}:${port}`);
    }
  });

  it('sets exactly the required settings on every service, with the backend URLs on the gateway only', () => {
    for (const name of names) {
      const expected = [
        ...settings.common,
        ...settings.container,
        // A local stack trusts the development token keys, which production refuses unless allowed.
        ...(name === 'gateway' ? [...settings.gateway, 'AUTH_ALLOW_LOCAL_JWKS'] : settings.personalData),
        ...(name === 'enrolment' ? settings.enrolment : []),
      ].sort();
      expect({ name, keys: Object.keys(env(name)).sort() }).toEqual({ name, keys: expected });
    }
    for (const name of downstream) {
      expect(env('gateway')[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${settings.ports[name]}`);
    }
  });

  it('runs every service in production mode, listening on the container network', () => {
    for (const name of names)
      expect({ name, HOST: env(name).HOST, NODE_ENV: env(name).NODE_ENV }).toEqual({
        name,
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
      });
  });

  it('mounts only public keys as files, never the dev-keys folder, and each private key as a secret of the one service that needs it', () => {
    const devKeys = (file: string) => path.posix.relative('.cache/dev-keys', path.posix.normalize(file));
    // The file names `npm start` writes its development keys under.
    const made = read('scripts/dev-token.mjs') + read('scripts/personal-data-kek.mjs');
    const mounted = (list: ComposeService['configs']) =>
      (list ?? []).map((c) =>
        typeof c === 'string' ? { source: c, target: `/${c}` } : { target: `/${c.source}`, ...c },
      );
    for (const [name, service] of Object.entries(services)) {
      // A bind mount of .cache/dev-keys (or anything in it) would put the private keys in the container.
      for (const v of service.volumes ?? [])
        expect({ name, mountsDevKeys: v.includes('dev-keys') }).toEqual({ name, mountsDevKeys: false });
    }
    // Public: the development token JWKS and the gateway's public identity keys.
    for (const [id, c] of Object.entries(compose.configs ?? {})) {
      expect({ id, publicJwks: /^[\w.-]*jwks\.json$/.test(devKeys(c.file!)) }).toEqual({ id, publicJwks: true });
      expect(made).toContain(`'${devKeys(c.file!)}'`);
    }
    expect(compose.secrets).toEqual({
      'internal-identity-signing-key': { file: './.cache/dev-keys/internal-identity.private.jwk.json' },
      'personal-data-kek': { file: './.cache/dev-keys/personal-data-kek' },
    });
    for (const c of Object.values(compose.secrets ?? {})) expect(made).toContain(`'${devKeys(c.file!)}'`);
    const target = (name: string, id: string) => mounted(services[name].configs).find((c) => c.source === id)?.target;
    for (const name of names) {
      const e = env(name);
      const secrets = mounted(services[name].secrets).map((x) => x.source);
      expect(e.INTERNAL_IDENTITY_JWKS).toBe(target(name, 'internal-identity-jwks'));
      if (name === 'gateway') {
        expect(secrets).toEqual(['internal-identity-signing-key']);
        expect(e.INTERNAL_IDENTITY_SIGNING_KEY).toBe('/run/secrets/internal-identity-signing-key');
        expect(e.AUTH_LOCAL_JWKS).toBe(target(name, 'auth-jwks'));
      } else {
        expect({ name, secrets }).toEqual({ name, secrets: ['personal-data-kek'] });
        expect(e.PERSONAL_DATA_KEK).toBe('/run/secrets/personal-data-kek');
      }
    }
  });

  it('gives every service its own database on the postgres service, created by the init SQL', () => {
    const created = [...read('deploy/postgres/init/01-databases.sql').matchAll(/CREATE DATABASE\s+"?(\w+)"?/gi)].map(
      (m) => m[1],
    );
    const mounts = services.postgres.volumes ?? [];
    expect(mounts.some((v) => v.startsWith('./deploy/postgres/init:/docker-entrypoint-initdb.d'))).toBe(true);
    const dbs = names.map((name) => {
      const url = new URL(env(name).DATABASE_URL);
      expect({ name, host: url.hostname, port: url.port }).toEqual({ name, host: 'postgres', port: '5432' });
      return url.pathname.slice(1);
    });
    expect(dbs).toEqual(names.map((n) => `kompeten_${n}`));
    expect(created.sort()).toEqual([...dbs].sort());
  });

  it('points KAFKA_BROKERS at the internal listener the kafka service advertises', () => {
    const advertised = env('kafka').KAFKA_ADVERTISED_LISTENERS.split(',');
    expect(advertised).toContain('PLAINTEXT://kafka:9092');
    expect(env('kafka').KAFKA_INTER_BROKER_LISTENER_NAME).toBe('PLAINTEXT');
    for (const name of [...names, 'kafka-topics'])
      expect({ name, brokers: env(name).KAFKA_BROKERS }).toEqual({ name, brokers: 'kafka:9092' });
  });

  it('runs kafka as a single KRaft node with auto-create off and replication factors of 1', () => {
    const k = env('kafka');
    expect(services.kafka.image).toBe('apache/kafka:4.1.1');
    expect(k.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(k.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(k.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(k.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    expect(k.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR).toBe('1');
    // A KRaft cluster id is a base64url UUID: 16 bytes, 22 characters.
    expect(Buffer.from(k.CLUSTER_ID, 'base64url')).toHaveLength(16);
    expect(services.kafka.volumes).toContain(`kafka-data:${k.KAFKA_LOG_DIRS}`);
    expect(services.postgres.image).toBe('postgres:15');
  });

  it('creates the topics with a one-shot job that waits for a healthy broker', () => {
    const job = services['kafka-topics'];
    expect(job.build).toMatchObject({ context: '.', dockerfile: 'deploy/Dockerfile' });
    expect(job.command).toEqual(['node', 'deploy/kafka/broker.mjs', 'topics']);
    expect(dependsOn('kafka-topics')).toEqual({ kafka: 'service_healthy' });
    expect(job.restart).toBe('no');
  });

  it('has a healthcheck on every container, and each service probes /ready on its own port', () => {
    for (const name of ['kafka', 'postgres', ...names])
      expect({ name, health: healthTest(name) !== '' }).toEqual({ name, health: true });
    for (const name of names) expect(healthTest(name)).toContain(`http://127.0.0.1:${settings.ports[name]}/ready`);
    // Over TCP: the socket answers during the init scripts, before the databases exist.
    expect(healthTest('postgres')).toMatch(/pg_isready.*-h 127\.0\.0\.1/);
  });

  it('starts services after postgres is healthy and the topics exist, and the gateway after the other four', () => {
    for (const name of names) {
      const expected: Record<string, string> = {
        postgres: 'service_healthy',
        'kafka-topics': 'service_completed_successfully',
      };
      if (name === 'gateway') for (const d of downstream) expected[d] = 'service_healthy';
      expect({ name, dependsOn: dependsOn(name) }).toEqual({ name, dependsOn: expected });
      expect(services[name].restart).toBe('unless-stopped');
      expect(services[name].stop_grace_period).toBe('30s');
    }
  });

  it('keeps every named volume, config and secret it mounts declared at the top level', () => {
    const used = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(':')[0])
      .filter((src) => !src.startsWith('.') && !src.startsWith('/'));
    for (const v of used) expect(Object.keys(compose.volumes ?? {})).toContain(v);
    const source = (c: string | { source: string }) => (typeof c === 'string' ? c : c.source);
    for (const s of Object.values(services)) {
      for (const c of s.configs ?? []) expect(Object.keys(compose.configs ?? {})).toContain(source(c));
      for (const c of s.secrets ?? []) expect(Object.keys(compose.secrets ?? {})).toContain(source(c));
    }
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = read('deploy/Dockerfile');

  it('builds only on Node 22 or 24 base images', () => {
    const stages = new Set<string>();
    const bases: string[] = [];
    for (const m of dockerfile.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?\s*$/gim)) {
      if (!stages.has(m[1].toLowerCase())) bases.push(m[1]);
      if (m[2]) stages.add(m[2].toLowerCase());
    }
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(/^node:(22|24)(?:[.-]|$)/);
  });

  it('runs the chosen service as the node user through register-paths, with node replacing the shell', () => {
    expect(dockerfile).toMatch(/^ARG SERVICE\s*$/m);
    expect(dockerfile).toMatch(/^USER node\s*$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production\s*$/m);
    const cmd = /^CMD\s+(.+)$/m.exec(dockerfile)?.[1] ?? '';
    expect(cmd).toContain('exec node --enable-source-maps -r ./deploy/register-paths.cjs');
    expect(cmd).toContain('dist/services/$SERVICE/src/main.js');
  });

  it('ships what the kafka-topics job runs: broker.mjs and the topics it reads', () => {
    expect(dockerfile).toMatch(/^COPY deploy\/kafka\/broker\.mjs /m);
    expect(dockerfile).toMatch(/^COPY libs\/contracts\/src\/topics\.json /m);
  });

  it('leaves local installs and build output out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const p of ['**/node_modules', '**/dist', '.cache', '.git', 'coverage', '**/*.log'])
      expect(ignored).toContain(p);
  });
});

describe('libs/contracts/src/topics.json', () => {
  it('keeps the events of every topic forever (retention.ms = -1)', () => {
    const topics: Array<{ name: string; config?: Record<string, unknown> }> = topicsJson;
    expect(topics.length).toBeGreaterThan(0);
    for (const t of topics)
      expect({ topic: t.name, retention: Number(t.config?.['retention.ms']) }).toEqual({
        topic: t.name,
        retention: -1,
      });
  });
});

describe('deploy/register-paths.cjs', () => {
  it('maps @kompeten/<lib> to the compiled dist/libs/<lib>/src/index.js and leaves other names alone', () => {
    expect(ROOT).toBe(root);
    expect(kompetenTarget('@kompeten/event-store')).toBe(
      path.join(root, 'dist', 'libs', 'event-store', 'src', 'index.js'),
    );
    expect(kompetenTarget('@kompeten/contracts', '/app')).toBe(
      path.join('/app', 'dist', 'libs', 'contracts', 'src', 'index.js'),
    );
    expect(kompetenTarget('@kompeten/contracts/topics.json')).toBeUndefined();
    expect(kompetenTarget('kafkajs')).toBeUndefined();
  });

  it('resolves @kompeten/<lib> when preloaded with node -r, relative to its own location', () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'kompeten-paths-'));
    try {
      fs.mkdirSync(path.join(app, 'deploy'));
      fs.copyFileSync(path.join(root, 'deploy/register-paths.cjs'), path.join(app, 'deploy/register-paths.cjs'));
      fs.mkdirSync(path.join(app, 'dist/libs/demo/src'), { recursive: true });
      fs.writeFileSync(path.join(app, 'dist/libs/demo/src/index.js'), 'exports.answer = 42;\n');
      const out = execFileSync(
        process.execPath,
        ['-r', './deploy/register-paths.cjs', '-e', "process.stdout.write(String(require('@kompeten/demo').answer))"],
        { cwd: app, encoding: 'utf8' },
      );
      expect(out).toBe('42');
      const missing = spawnSync(
        process.execPath,
        ['-r', './deploy/register-paths.cjs', '-e', "require('@kompeten/nope')"],
        { cwd: app, encoding: 'utf8' },
      );
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain('run `npx tsc -b tsconfig.build.json`');
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });

  // Only meaningful after `npx tsc -b tsconfig.build.json` has produced dist/ in this checkout.
  const distLibs = path.join(root, 'dist', 'libs');
  const built = fs.existsSync(distLibs)
    ? fs.readdirSync(distLibs).filter((lib) => fs.existsSync(path.join(distLibs, lib, 'src', 'index.js')))
    : [];
  (built.length ? it : it.skip)('loads every compiled library of this checkout by its @kompeten name', () => {
    for (const lib of built) {
      const r = spawnSync(
        process.execPath,
        ['-r', './deploy/register-paths.cjs', '-e', `require('@kompeten/${lib}')`],
        { cwd: root, encoding: 'utf8' },
      );
      expect({ lib, status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ lib, status: 0, stderr: '' });
    }
  });
});
