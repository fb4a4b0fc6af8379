import type { EventRecord } from '@kompeten/event-store';
import { parentStreamOf } from '@kompeten/event-store';

/** Header names of an event message on Kafka. Values are strings (Kafka carries them as bytes). */
export const EVENT_HEADERS = {
  contentType: 'content-type',
  type: 'type',
  schemaVersion: 'schema-version',
  eventId: 'event-id',
  streamId: 'stream-id',
  position: 'position',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
} as const;

export const EVENT_CONTENT_TYPE = 'application/json';

/** An event as a Kafka message, ready for `producer.send`. */
export interface EventMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Key = the stream's parent (the stream id itself, but `programme-<id>` for its sub-streams
 * `programme-<id>/<nip>`), so a stream's events — and a parent's with all its sub-streams' — share a
 * partition and stay in log order. The value is the
 * record exactly as stored and hashed (personal fields still sealed), so an auditor can re-verify the
 * hash chain from the topic alone. Headers duplicate routing facts so that tools can filter without
 * parsing the value; the value is authoritative.
 */
export function encodeRecord(record: EventRecord): EventMessage {
  const h = EVENT_HEADERS;
  const headers: Record<string, string> = {
    [h.contentType]: EVENT_CONTENT_TYPE,
    [h.type]: record.type,
    [h.schemaVersion]: String(record.schemaVersion),
    [h.eventId]: record.eventId,
    [h.streamId]: record.streamId,
    [h.position]: String(record.position),
    [h.correlationId]: record.metadata.correlationId,
    [h.causationId]: record.metadata.causationId ?? '',
  };
  if (record.metadata.traceparent) headers[h.traceparent] = record.metadata.traceparent;
  return { key: parentStreamOf(record.streamId), value: JSON.stringify(record), headers };
}
