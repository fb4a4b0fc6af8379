import { ChainBreak, eventHash, EventRecord, GENESIS_HASH } from '@kompeten/event-store';

/** Where a walk along a service's hash chain stands: the last position checked and its hash. */
export interface ChainPoint {
  position: number;
  hash: string;
}

export const GENESIS: ChainPoint = { position: 0, hash: GENESIS_HASH };

/**
 * The checks of `verifyChain` (libs/event-store), one record at a time, so that a long walk can
 * report progress, stop on SIGINT and resume from a saved point instead of from the genesis hash.
 */
export class ChainWalker {
  private point: ChainPoint;
  private checked = 0;
  private broken?: ChainBreak;

  constructor(from: ChainPoint = GENESIS) {
    this.point = { ...from };
  }

  /** Checks the next record; returns the break (and keeps returning it) once the chain is broken. */
  check(r: EventRecord): ChainBreak | undefined {
    if (this.broken) return this.broken;
    const expected = this.point.position + 1;
    if (r.position !== expected) {
      return (this.broken = {
        position: expected,
        reason: 'missing',
        detail: `expected position ${expected}, found ${r.position}`,
      });
    }
    if (r.prevHash !== this.point.hash) {
      return (this.broken = {
        position: r.position,
        reason: 'prev-hash-mismatch',
        detail: `prevHash ${r.prevHash} ≠ hash of position ${r.position - 1} ${this.point.hash}`,
      });
    }
    const recomputed = eventHash(this.point.hash, r);
    if (recomputed !== r.hash) {
      return (this.broken = {
        position: r.position,
        reason: 'hash-mismatch',
        detail: `stored hash ${r.hash} ≠ recomputed ${recomputed}`,
      });
    }
    this.point = { position: r.position, hash: r.hash };
    this.checked++;
    return undefined;
  }

  /** Records at the end that never came (e.g. es_head says 120, the table ends at 118). */
  expectUpTo(position: number, source: string): ChainBreak | undefined {
    if (this.broken || this.point.position >= position) return this.broken;
    const next = this.point.position + 1;
    return (this.broken = {
      position: next,
      reason: 'missing',
      detail: `${source} says the log reaches position ${position}, the records end at ${this.point.position}`,
    });
  }

  get head(): ChainPoint {
    return { ...this.point };
  }

  /** Records checked by this walker (not counting those before its starting point). */
  get count(): number {
    return this.checked;
  }

  get firstBreak(): ChainBreak | undefined {
    return this.broken;
  }
}
