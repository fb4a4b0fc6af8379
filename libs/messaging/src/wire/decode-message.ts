import type { IHeaders } from 'kafkajs';
import type { EventMetadata, EventRecord } from '@kompeten/event-store';
import { parentStreamOf } from '@kompeten/event-store';
import { EVENT_CONTENT_TYPE, EVENT_HEADERS } from './event-message';
import { PoisonMessageError } from './poison-message.error';

/** The parts of a consumed Kafka message that decoding reads. */
export interface IncomingMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

/**
 * Reads an event message back into the stored record; throws PoisonMessageError (with a reason) when
 * the bytes are not an event record, or when key and headers contradict the value.
 */
export function decodeMessage(message: IncomingMessage): EventRecord {
  if (message.value === null || message.value.length === 0)
    throw new PoisonMessageError('empty-value', 'the message has no value');
  const contentType = header(message.headers, EVENT_HEADERS.contentType);
  if (contentType !== undefined && contentType !== EVENT_CONTENT_TYPE) {
    throw new PoisonMessageError('header-mismatch', `content-type is ${contentType}, expected ${EVENT_CONTENT_TYPE}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString());
  } catch (e) {
    throw new PoisonMessageError('not-json', (e as Error).message);
  }
  const record = toEventRecord(parsed);
  const key = message.key == null ? undefined : message.key.toString();
  if (key !== undefined && key !== parentStreamOf(record.streamId)) {
    throw new PoisonMessageError('key-mismatch', `key ${key} is not the stream (or its parent) ${record.streamId}`);
  }
  for (const [name, expected] of [
    [EVENT_HEADERS.eventId, record.eventId],
    [EVENT_HEADERS.type, record.type],
  ]) {
    const actual = header(message.headers, name);
    if (actual !== undefined && actual !== expected)
      throw new PoisonMessageError('header-mismatch', `header ${name} is ${actual}, the value says ${expected}`);
  }
  return record;
}

/** A header as a string; the first value when a header is repeated. */
export function header(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{64}$/;

/** Checks every field's type and returns only the known fields, in the store's own order. */
function toEventRecord(v: unknown): EventRecord {
  const bad = (detail: string): never => {
    throw new PoisonMessageError('invalid-record', detail);
  };
  if (!isObject(v)) return bad('the value is not a JSON object');
  const text = (k: string, pattern?: RegExp): string => {
    const x = v[k];
    if (typeof x !== 'string' || x.length === 0 || (pattern && !pattern.test(x)))
      return bad(`${k} is missing or malformed`);
    return x;
  };
  const count = (k: string): number => {
    const x = v[k];
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 1) return bad(`${k} must be a positive integer`);
    return x;
  };
  const instant = (k: string): string =>
    Number.isNaN(Date.parse(text(k))) ? bad(`${k} is not a timestamp`) : (v[k] as string);
  if (!('payload' in v)) bad('payload is missing');
  return {
    position: count('position'),
    eventId: text('eventId', UUID),
    streamId: text('streamId'),
    streamVersion: count('streamVersion'),
    type: text('type'),
    schemaVersion: count('schemaVersion'),
    occurredAt: instant('occurredAt'),
    recordedAt: instant('recordedAt'),
    metadata: toMetadata(v.metadata, bad),
    payload: v.payload,
    prevHash: text('prevHash', HASH),
    hash: text('hash', HASH),
  };
}

function toMetadata(m: unknown, bad: (detail: string) => never): EventMetadata {
  if (!isObject(m)) return bad('metadata is not an object');
  if (typeof m.actor !== 'string' || typeof m.correlationId !== 'string')
    bad('metadata.actor and metadata.correlationId must be strings');
  // Lenient on an absent causation id: the store keeps metadata as given, and a valid event must never be poison.
  if (m.causationId != null && typeof m.causationId !== 'string') bad('metadata.causationId must be a string or null');
  if (m.traceparent !== undefined && typeof m.traceparent !== 'string') bad('metadata.traceparent must be a string');
  // The metadata is hashed as stored: keep it whole (with any field a later envelope adds).
  return m as unknown as EventMetadata;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
