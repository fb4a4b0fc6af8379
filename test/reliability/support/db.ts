import { Pool, QueryResultRow } from 'pg';

/**
 * Reads a service's database directly (the log, the read models, msg_processed) to compare them.
 * `rows<{ nip: string }>(…)` names the columns a query selects; without it their values are unknown.
 */
export interface Db {
  rows<T extends QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function openDb(url: string): Db {
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined); // a restarting server ends idle connections; the next query reconnects
  return {
    rows: async <T extends QueryResultRow>(sql: string, params?: unknown[]) => (await pool.query<T>(sql, params)).rows,
    close: () => pool.end(),
  };
}

/** The log's ids of some event types, and where every projection and the outbox stand against its head. */
export async function eventIds(db: Db, types: string[]): Promise<string[]> {
  return (
    await db.rows<{ event_id: string }>('select event_id from es_event where type = any($1) order by position', [types])
  ).map((r) => r.event_id);
}

export async function processedIds(db: Db, consumer: string): Promise<string[]> {
  return (
    await db.rows<{ event_id: string }>('select event_id::text from msg_processed where consumer = $1', [consumer])
  ).map((r) => r.event_id);
}

/** Events the outbox and each projection still have to handle (0 everywhere = caught up). */
export async function lagBehindLog(db: Db): Promise<Record<string, number>> {
  const rows = await db.rows<{ name: string; lag: string }>(`
    select 'outbox:' || relay as name, h.position - c.position as lag from outbox_checkpoint c, es_head h where h.id = 1
    union all
    select 'projection:' || projection, h.position - p.position from projection_checkpoint p, es_head h where h.id = 1 and p.state = 'active'`);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.lag)]));
}

export const caughtUp = (lag: Record<string, number>) =>
  Object.keys(lag).length > 0 && Object.values(lag).every((n) => n === 0);
