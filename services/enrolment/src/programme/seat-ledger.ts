import type { ProgrammeEvent } from '@kompeten/contracts';
import { ACTIVE, byPlace, evolveSeat, holdsSeat, isLedgerEvent, Seat } from './seat';

/** The seats of a programme as a ledger holds them: every enrolment's seat, and the capacity queue in order. */
export interface SeatsSnapshot {
  readonly seats: ReadonlyMap<string, Seat>;
  /** The capacity waitlist, longest-waiting first. */
  readonly queue: readonly Seat[];
}

/**
 * The seats a decision sees: a ledger (shared, never changed by a decision) and the seats the
 * decision itself has changed so far (`changed`: copied on each change, so it stays as small as the
 * decision). Deciders reason on hypothetical outcomes ("after this withdrawal, who is first in line?")
 * without copying the ledger: every question costs what the decision touched, not the programme's size.
 */
export interface SeatsView {
  readonly ledger: SeatsSnapshot;
  readonly changed: ReadonlyMap<string, Seat>;
  /** Seats held (pending funds, awaiting release, confirmed, completed). */
  readonly taken: number;
  /** Enrolments on the capacity waitlist. */
  readonly waiting: number;
}

const EMPTY: SeatsSnapshot = { seats: new Map(), queue: [] };
export const emptySeats = (): SeatsView => ({ ledger: EMPTY, changed: new Map(), taken: 0, waiting: 0 });

export const seatOf = (v: SeatsView, nip: string): Seat | undefined => v.changed.get(nip) ?? v.ledger.seats.get(nip);

const counts = (s: Seat | undefined) => ({
  taken: s && holdsSeat(s.status) ? 1 : 0,
  waiting: s?.status === 'waitlisted-capacity' ? 1 : 0,
});

/** The view after an event (pure; O(seats the decision changed)). */
export function evolveSeats(v: SeatsView, event: ProgrammeEvent, position: number): SeatsView {
  if (!isLedgerEvent(event.type)) return v;
  const nip = (event.data as { nip: string }).nip;
  const prev = seatOf(v, nip);
  const next = evolveSeat(prev, event, position);
  if (!next || next === prev) return v;
  const [before, after] = [counts(prev), counts(next)];
  return {
    ledger: v.ledger,
    changed: new Map(v.changed).set(nip, next),
    taken: v.taken - before.taken + after.taken,
    waiting: v.waiting - before.waiting + after.waiting,
  };
}

/** The first `k` on the capacity waitlist: the ledger's queue merged with the decision's changes. */
export function waitlistHead(v: SeatsView, k: number): Seat[] {
  const out: Seat[] = [];
  if (k <= 0) return out;
  const mine = [...v.changed.values()].filter((s) => s.status === 'waitlisted-capacity').sort(byPlace);
  const queue = v.ledger.queue;
  let [i, j] = [0, 0];
  while (out.length < k) {
    // A seat the decision changed is placed by its changed record, not by the ledger's.
    while (i < queue.length && v.changed.has(queue[i].nip)) i++;
    const [a, b] = [queue[i], mine[j]];
    if (!a && !b) break;
    const fromLedger = a !== undefined && (b === undefined || byPlace(a, b) <= 0);
    out.push(fromLedger ? a : b);
    if (fromLedger) i++;
    else j++;
  }
  return out;
}

/** Everyone still taking part or waiting (the staff a cancellation tells), in the order they first enrolled. */
export function activeNips(v: SeatsView): string[] {
  const nips: string[] = [];
  for (const [nip, s] of v.ledger.seats) if (ACTIVE.includes((v.changed.get(nip) ?? s).status)) nips.push(nip);
  for (const [nip, s] of v.changed) if (!v.ledger.seats.has(nip) && ACTIVE.includes(s.status)) nips.push(nip);
  return nips;
}

/**
 * A programme's seats, folded from the seat events of its participants' streams (LEDGER_TYPES) and
 * kept in this process between commands. Mutable, so that folding one event costs O(log W) (W: the
 * waitlist; an insertion shifts the array), not a copy of the programme: only events read back from
 * the store are applied — never what a command is about to append — and each at most once (by
 * position), so the ledger is always the store's seats as of `position`, never ahead of them.
 */
export class SeatLedger implements SeatsSnapshot {
  readonly seats = new Map<string, Seat>();
  readonly queue: Seat[] = [];
  taken = 0;
  /** Participant-stream events folded up to this global position (the `noneAfter` of a decision). */
  position = 0;

  /** Folds one stored event (of a sub-stream, or of a programme stream from before issue 23). */
  apply(event: ProgrammeEvent, position: number): void {
    if (!isLedgerEvent(event.type)) return;
    const nip = (event.data as { nip: string }).nip;
    const prev = this.seats.get(nip);
    const next = evolveSeat(prev, event, position);
    if (!next) return;
    if (prev) {
      if (holdsSeat(prev.status)) this.taken--;
      if (prev.status === 'waitlisted-capacity') this.queue.splice(this.indexOf(prev), 1);
    }
    this.seats.set(nip, next);
    if (holdsSeat(next.status)) this.taken++;
    if (next.status === 'waitlisted-capacity') this.queue.splice(this.insertionPoint(next), 0, next);
  }

  /** Folds the participant streams' events read after `position`; one already folded (a racing read) is skipped. */
  applySubStreamEvents(events: { type: string; data: unknown; position: number }[]): void {
    for (const e of events) {
      if (e.position <= this.position) continue;
      this.apply({ type: e.type, data: e.data } as ProgrammeEvent, e.position);
      this.position = e.position;
    }
  }

  /**
   * The view a decision takes. It reads this ledger as it is: take it right before deciding (no await
   * in between), with `position` as the decision's noneAfter.
   */
  view(): SeatsView {
    return { ledger: this, changed: new Map(), taken: this.taken, waiting: this.queue.length };
  }

  private insertionPoint(s: Seat): number {
    let [lo, hi] = [0, this.queue.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byPlace(this.queue[mid], s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(s: Seat): number {
    for (let i = this.insertionPoint(s); i < this.queue.length; i++) if (this.queue[i].nip === s.nip) return i;
    throw new Error(`seat ledger: ${s.nip} is not on the queue it was recorded on`);
  }
}
