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
  const walk = new ChainWalk();
  // Records already in memory are walked synchronously: `for await` over an array would cost a
  // promise turn per record, about as much as hashing it.
  if (Symbol.iterator in records) {
    for (const r of records) if (!walk.step(r)) return walk.report();
  } else {
    for await (const r of records) if (!walk.step(r)) return walk.report();
  }
  return walk.report();
}

class ChainWalk {
  private expectedPosition = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private firstBreak?: ChainBreak;

  /** Checks the next record; false at the first break (which the report then carries). */
  step(r: EventRecord): boolean {
    if (r.position !== this.expectedPosition) {
      return this.fail({
        position: this.expectedPosition,
        reason: 'missing',
        detail: `expected position ${this.expectedPosition}, found ${r.position}`,
      });
    }
    if (r.prevHash !== this.prevHash) {
      return this.fail({
        position: r.position,
        reason: 'prev-hash-mismatch',
        detail: `stored prev_hash ${r.prevHash} ≠ hash of position ${r.position - 1} ${this.prevHash}`,
      });
    }
    const recomputed = eventHash(this.prevHash, r);
    if (recomputed !== r.hash) {
      return this.fail({
        position: r.position,
        reason: 'hash-mismatch',
        detail: `stored hash ${r.hash} ≠ recomputed ${recomputed}`,
      });
    }
    this.prevHash = r.hash;
    this.expectedPosition++;
    this.count++;
    return true;
  }

  report(): ChainReport {
    const head = { count: this.count, headHash: this.prevHash, headPosition: this.expectedPosition - 1 };
    return this.firstBreak ? { ...head, firstBreak: this.firstBreak, ok: false } : { ...head, ok: true };
  }

  private fail(b: ChainBreak): false {
    this.firstBreak = b;
    return false;
  }
}
