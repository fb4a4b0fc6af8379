import type { DataSource } from 'typeorm';
import type { EventRecord, EventRow } from '@kompeten/event-store';

/**
 * EXPERIMENT (not used by the services): EventStore.readRecords with the timestamps rendered by
 * Postgres in the hashed form's exact ISO format, so that the driver does not parse each into a Date
 * and toRecord does not format it back (two Date objects and a toISOString per timestamp, two
 * timestamps per row) — the change BENCHMARKS.md proposes for record-mapping.ts.
 */
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const LEAN_COLUMNS = `position, event_id, stream_id, stream_version, type, schema_version, payload, metadata,
  to_char(occurred_at at time zone 'UTC', ${ISO}) as occurred_at, to_char(recorded_at at time zone 'UTC', ${ISO}) as recorded_at, prev_hash, hash`;

/** Postgres formats the timestamps here, so they arrive as strings. */
type Row = EventRow & { position: string; occurred_at: string; recorded_at: string };

export async function readRecordsLean(ds: DataSource, after: number, limit: number): Promise<EventRecord[]> {
  const rows: Row[] = await ds.query(
    `select ${LEAN_COLUMNS} from es_event where position > $1 order by position limit $2`,
    [after, limit],
  );
  return rows.map((r) => ({
    position: Number(r.position),
    eventId: r.event_id,
    streamId: r.stream_id,
    streamVersion: r.stream_version,
    type: r.type,
    schemaVersion: r.schema_version,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    metadata: r.metadata,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export async function* recordsLean(ds: DataSource, batchSize = 2000): AsyncGenerator<EventRecord> {
  for (let from = 0; ;) {
    const batch = await readRecordsLean(ds, from, batchSize);
    yield* batch;
    if (batch.length < batchSize) return;
    from = batch[batch.length - 1].position;
  }
}
