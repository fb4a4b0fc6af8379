import type { DataSource, QueryRunner } from 'typeorm';
import type { StoredEvent } from '@kompeten/event-store';

/**
 * A read model that would show a double application: one row per application, no unique key, so
 * applying an event twice leaves two rows.
 */
export async function createAppliedTable(ds: DataSource, table: string): Promise<void> {
  await ds.query(
    `create table "${table}" (event_id uuid not null, stream_id text not null, stream_version int not null, applied_at timestamptz not null default now())`,
  );
}

export const applyInto =
  (table: string) =>
  async (event: StoredEvent, tx: QueryRunner): Promise<void> => {
    await tx.query(`insert into "${table}" (event_id, stream_id, stream_version) values ($1, $2, $3)`, [
      event.eventId,
      event.streamId,
      event.streamVersion,
    ]);
  };

/** Rows, distinct event ids, and the ids applied more than once. */
export async function applications(
  ds: DataSource,
  table: string,
): Promise<{ rows: number; distinct: number; twice: string[] }> {
  const [{ rows, distinct }] = await ds.query<{ rows: number; distinct: number }[]>(
    `select count(*)::int as rows, count(distinct event_id)::int as distinct from "${table}"`,
  );
  const twice = await ds.query<{ event_id: string }[]>(
    `select event_id from "${table}" group by event_id having count(*) > 1`,
  );
  return { rows, distinct, twice: twice.map((r) => r.event_id) };
}
