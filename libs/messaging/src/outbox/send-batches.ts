import type { EventMessage } from '../wire/event-message';

/**
 * What one message adds to a Kafka record batch beyond its key, value and headers: the record's
 * length, attributes, timestamp and offset deltas and each header's lengths are varints of a few
 * bytes each; 64 covers them with room to spare (a record batch adds 61 bytes once).
 */
const RECORD_OVERHEAD_BYTES = 64;

/** The message's size on the wire, generously estimated (no compression). */
export function messageBytes(m: EventMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + Buffer.byteLength(m.key) + Buffer.byteLength(m.value);
  for (const [name, value] of Object.entries(m.headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/**
 * Consecutive runs of `items` whose estimated bytes stay within `maxBytes`, in order. An item
 * larger than the cap alone is a run of its own: the broker decides whether it fits.
 */
export function byteBatches<T>(items: T[], bytesOf: (item: T) => number, maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    if (current.length > 0 && size + bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The broker's answers for "this record batch, or this record, is more than I accept". */
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** Whether a kafkajs error (wrapped in KafkaJSNonRetriableError, whose `cause` is the broker's answer) says "too large". */
export function isTooLarge(e: unknown): boolean {
  for (let at: unknown = e, depth = 0; at && depth < 5; depth++) {
    const err = at as { type?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof err.type === 'string' && TOO_LARGE.has(err.type)) return true;
    if (Array.isArray(err.errors) && err.errors.some(isTooLarge)) return true;
    at = err.cause;
  }
  return false;
}
