import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@kompeten/testing';
import { reapWhenTestsEnd, ROOT } from './reaper';
import { freePort } from './service-process';

/**
 * A Postgres server of the tests' own (initdb into a temporary folder, a free port, 200
 * connections): a restart under load hurts nobody else's tests, and a whole platform's pools do not
 * crowd the shared development server. Needs the server binaries (`pg_config --bindir`); as root it
 * runs them as the `postgres` user, as Postgres requires. Stopped when the test run ends.
 */
export interface PostgresServer {
  url: string;
  port: number;
  /** Data, socket and log live here. */
  dir: string;
  createDatabase(label: string): Promise<TestDatabase>;
  /**
   * Stops the server, keeps it down for `downMs`, starts it again. `fast`: a clean shutdown (what
   * `pg_ctlcluster restart` does); `immediate`: a crash, recovered from the WAL at start.
   */
  restart(mode: 'fast' | 'immediate', downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function binDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return fs.existsSync(path.join(dir, 'pg_ctl')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Why a private server cannot run here (then the shared DATABASE_URL server is used), or undefined. */
export function privatePostgresUnavailable(): string | undefined {
  if (process.env.RELIABILITY_PG === 'shared') return 'RELIABILITY_PG=shared';
  if (!binDir()) return 'no Postgres server binaries (pg_config --bindir) on this machine';
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres user';
    }
  }
  return undefined;
}

const asRoot = () => process.getuid?.() === 0;
const command = (cmd: string, args: string[]): [string, string[]] =>
  asRoot()
    ? ['runuser', ['-u', 'postgres', '--', path.join(binDir()!, cmd), ...args]]
    : [path.join(binDir()!, cmd), args];
const run = (cmd: string, args: string[]) => {
  const [c, a] = command(cmd, args);
  execFileSync(c, a, { stdio: 'pipe' });
};

function server(dir: string, port: number): PostgresServer {
  const data = path.join(dir, 'data');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const ctl = (...args: string[]) =>
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    url,
    port,
    dir,
    async createDatabase(label) {
      const name = `kompeten_t_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
      await admin(`create database "${name}"`);
      return {
        name,
        url: `postgres://postgres@127.0.0.1:${port}/${name}`,
        drop: () => admin(`drop database if exists "${name}" with (force)`),
      };
    },
    async restart(mode, downMs = 0) {
      ctl('-m', mode, 'stop');
      await new Promise((r) => setTimeout(r, downMs));
      ctl('-o', options, 'start');
    },
    stop() {
      // Synchronous work behind the interface's promise: a failure still rejects it, as before.
      return new Promise<void>((resolve) => {
        try {
          ctl('-m', 'fast', 'stop');
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
        resolve();
      });
    },
  };
}

/** A new server for one test (which may restart it). */
export async function startPostgresServer(): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompeten-pg-'));
  if (asRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const pg = server(dir, port);
  run('pg_ctl', [
    '-D',
    path.join(dir, 'data'),
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    'start',
  ]);
  const [stop, args] = command('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
  reapWhenTestsEnd(`postgres-${port}`, ['/bin/sh', '-c', `${[stop, ...args].join(' ')}; rm -rf ${dir}`]);
  return pg;
}

/**
 * Where these tests create their databases: one private server per test run (started by the first
 * file that asks, reused by the others), or the shared DATABASE_URL server when none can run here.
 */
export async function testDatabases(): Promise<(label: string) => Promise<TestDatabase>> {
  if (privatePostgresUnavailable()) return createTestDatabase;
  const marker = path.join(ROOT, '.cache', 'reliability', `postgres-for-${process.pid}.json`);
  try {
    const { dir, port } = JSON.parse(fs.readFileSync(marker, 'utf8')) as { dir: string; port: number };
    const pg = server(dir, port);
    await pg.createDatabase('probe').then((d) => d.drop());
    return (label) => pg.createDatabase(label);
  } catch {
    /* none yet for this run */
  }
  const pg = await startPostgresServer();
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  fs.writeFileSync(marker, JSON.stringify({ dir: pg.dir, port: pg.port }));
  return (label) => pg.createDatabase(label);
}
