import { randomBytes } from 'node:crypto';
import { Client, Pool, PoolConfig } from 'pg';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@kompeten/event-store';
import { messagingMigrations } from '@kompeten/messaging';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database (`kompeten_bench_*`, so test clean-ups never touch it), dropped by `drop()`. */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** TypeORM DataSource with the event store and messaging tables migrated (what services use). */
  readonly dataSource: DataSource;
  pool(config?: PoolConfig): Pool;
  client(): Promise<Client>;
  drop(): Promise<void>;
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** An empty throwaway database (for a service, which migrates it itself). */
export async function createEmptyDatabase(
  label: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `kompeten_bench_${label.replace(/\W/g, '_').slice(0, 24)}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

export async function createBenchDatabase(
  label: string,
  options: { extra?: Record<string, unknown> } = {},
): Promise<BenchDatabase> {
  const name = `kompeten_bench_${label.replace(/\W/g, '_').slice(0, 24)}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    // A small pool: appends and reads use one connection at a time, and the server's 100 connections are shared.
    type: 'postgres',
    url: url.toString(),
    extra: { max: 4, ...options.extra },
    migrations: [...eventStoreMigrations, ...messagingMigrations],
    synchronize: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const pools: Pool[] = [];
  const clients: Client[] = [];
  return {
    name,
    url: url.toString(),
    dataSource,
    pool(config = {}) {
      // Idle connections stay open: re-opening one mid-run costs time and may be refused on a busy server.
      const p = new Pool({ connectionString: url.toString(), idleTimeoutMillis: 0, ...config });
      // An idle client whose backend is terminated (by the server, or a neighbour's clean-up) is dropped
      // by the pool; without a listener its 'error' would end the whole run. A query in flight still fails.
      p.on('error', () => undefined);
      pools.push(p);
      return p;
    },
    async client() {
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      clients.push(c);
      return c;
    },
    async drop() {
      await Promise.all([
        ...pools.map((p) => p.end().catch(() => undefined)),
        ...clients.map((c) => c.end().catch(() => undefined)),
      ]);
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** Number of transactions that wrote the log's rows after `after` (each row's xmin names its transaction). */
export async function transactionsAfter(
  ds: DataSource,
  after: number,
): Promise<{ rows: number; transactions: number }> {
  const [r] = await ds.query<{ rows: number; transactions: number }[]>(
    'select count(*)::int as rows, count(distinct xmin::text)::int as transactions from es_event where position > $1',
    [after],
  );
  return r;
}

/** Process ids of the Postgres backends serving this database (to charge their CPU to a benchmark). */
export async function backendPids(ds: DataSource, database: string): Promise<number[]> {
  const rows: { pid: number }[] = await ds.query('select pid from pg_stat_activity where datname = $1', [database]);
  return rows.map((r) => r.pid);
}

/**
 * Retries `work` while the server refuses connections (53300 "too many clients"): the machine's
 * Postgres is shared with other sessions' tests, and benchmarks open their pools during warm-up.
 */
export async function whileServerBusy<T>(work: () => Promise<T>, attempts = 60): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      const code =
        (e as { code?: string; driverError?: { code?: string } }).code ??
        (e as { driverError?: { code?: string } }).driverError?.code;
      if (code !== '53300' || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * Samples what the database's backends are doing (pg_stat_activity, every `everyMs`) while a run
 * goes on: on CPU (`active`), waiting for the WAL flush (`IO:WALSync`), for a lock, or for the
 * client between statements (`idle in transaction`, i.e. a round trip plus the client's own work).
 * Returns each state's share of the samples, so a figure can say where the time went.
 */
export async function sampleBackends(
  url: string,
  database: string,
  everyMs = 10,
): Promise<() => Promise<Record<string, number>>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const counts = new Map<string, number>();
  let total = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await c.query<{ doing: string }>(
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'active (on CPU)') else state end as doing
         from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and state <> 'idle'`,
        [database],
      );
      for (const r of rows) counts.set(r.doing, (counts.get(r.doing) ?? 0) + 1);
      total += rows.length;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await c.end();
    return Object.fromEntries(
      [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / Math.max(1, total)) * 100) / 100]),
    );
  };
}
