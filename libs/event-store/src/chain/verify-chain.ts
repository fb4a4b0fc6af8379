import type { EventRecord } from '../store/event-envelope';
import { eventHash, GENESIS_HASH } from './event-hash';

export type ChainBreak =
  | { position: number; reason: 'missing'; detail: string }
  | { position: number; reason: 'prev-hash-mismatch'; detail: string }
  | { position: number; reason: 'hash-mismatch'; detail: string };

export interface ChainReport {
  /** Events checked. */
  count: number;
  /** Hash of the last event checked (GENESIS_HASH for an empty log). */
  headHash: string;
  headPosition: number;
  /** The first break, if any; checking stops there. */
  firstBreak?: ChainBreak;
  ok: boolean;
}

/**
 * Recomputes a service's hash chain from its records in position order — from the store, from a
 * Kafka topic, or from an NDJSON export: the check needs nothing but the records.
 */
export async function verifyChain(records: AsyncIterable<EventRecord> | Iterable<EventRecord>): Promise<ChainReport> {
  let expectedPosition = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const r of records) {
    const fail = (firstBreak: ChainBreak): ChainReport => ({
      count,
      headHash: prevHash,
      headPosition: expectedPosition - 1,
      firstBreak,
      ok: false,
    });
    if (r.position !== expectedPosition) {
      return fail({
        position: expectedPosition,
        reason: 'missing',
        detail: `expected position ${expectedPosition}, found ${r.position}`,
      });
    }
    if (r.prevHash !== prevHash) {
      return fail({
        position: r.position,
        reason: 'prev-hash-mismatch',
        detail: `stored prev_hash ${r.prevHash} ≠ hash of position ${r.position - 1} ${prevHash}`,
      });
    }
    const recomputed = eventHash(prevHash, r);
    if (recomputed !== r.hash) {
      return fail({
        position: r.position,
        reason: 'hash-mismatch',
        detail: `stored hash ${r.hash} ≠ recomputed ${recomputed}`,
      });
    }
    prevHash = r.hash;
    expectedPosition++;
    count++;
  }
  return { count, headHash: prevHash, headPosition: expectedPosition - 1, ok: true };
}
