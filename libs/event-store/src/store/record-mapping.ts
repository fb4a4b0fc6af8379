import type { EventRecord } from './event-envelope';

/** The columns of es_event, in the order every query selects them. */
export const RECORD_COLUMNS = `position, event_id, stream_id, stream_version, type, schema_version,
  payload, metadata, occurred_at, recorded_at, prev_hash, hash`;

/* eslint-disable @typescript-eslint/no-explicit-any */
export function toRecord(row: any): EventRecord {
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
