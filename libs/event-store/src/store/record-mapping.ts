import type { EventMetadata, EventRecord } from './event-envelope';

/** The columns of es_event, in the order every query selects them. */
export const RECORD_COLUMNS = `position, event_id, stream_id, stream_version, type, schema_version,
  payload, metadata, occurred_at, recorded_at, prev_hash, hash`;

/**
 * A row of es_event as `pg` returns it for `select ${RECORD_COLUMNS}`: the bigint position comes
 * back as a string, timestamptz as a Date, jsonb parsed. toRecord also takes a numeric position and
 * ISO timestamps (rows that went through JSON, or a query that casts).
 */
export interface EventRow {
  position: string | number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  payload: unknown;
  metadata: EventMetadata;
  occurred_at: Date | string;
  recorded_at: Date | string;
  prev_hash: string;
  hash: string;
}

export function toRecord(row: EventRow): EventRecord {
  return {
    position: Number(row.position),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    occurredAt: new Date(row.occurred_at).toISOString(),
    recordedAt: new Date(row.recorded_at).toISOString(),
    metadata: row.metadata,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
