import { createHash } from 'node:crypto';
import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Settings for a dedicated `pg` connection to the DataSource's database. LISTEN and session advisory
 * locks belong to one session, so they must not use a pooled connection that is handed back.
 */
export function dedicatedConnection(dataSource: DataSource, applicationName: string): ClientConfig {
  const o = dataSource.options;
  if (o.type !== 'postgres') throw new Error(`messaging needs a postgres DataSource, got ${o.type}`);
  return {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    database: o.database,
    password: o.password,
    ssl: o.ssl as ClientConfig['ssl'],
    // Visible in pg_stat_activity; keepAlive so that a dead peer is noticed and the session ends.
    application_name: applicationName.slice(0, 63),
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
  };
}

/** A stable 64-bit advisory-lock key for a name (as a string: pg takes bigint parameters as text). */
export function advisoryKey(namespace: string, name: string): string {
  return createHash('sha256').update(`${namespace}:${name}`).digest().readBigInt64BE(0).toString();
}
