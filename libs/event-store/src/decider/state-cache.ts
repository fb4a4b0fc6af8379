import type { EventStore } from '../store/event-store';

/** A stream's state folded up to `version`: what handleCommand would rebuild from events 1..version. */
export interface FoldedState<State> {
  version: number;
  state: State;
}

/**
 * The last folded state of recently commanded streams, per store and decider, in this process.
 *
 * Why: a programme's stream grows with every participant (enrolled, confirmed, attended, …), and a
 * decider's evolve copies the state it changes, so folding the whole stream for every command costs
 * events × participants. With the state kept, a command reads and folds only the events appended
 * since (by any process: the read is `stream_version > cached`), which is usually none or one.
 *
 * Safe because deciders are pure (evolve returns a new state, decide changes nothing), only events
 * read back from the store are ever folded in (never what a command is about to append), and the
 * append still checks the expected version. Opt-in per command (`HandleOptions.cacheState`): a state
 * that holds decrypted personal data must not outlive an erasure, so such streams are never cached.
 */
export class StateCache<State> {
  private readonly entries = new Map<string, FoldedState<State>>();

  constructor(private readonly capacity = 200) {}

  get(streamId: string): FoldedState<State> | undefined {
    const hit = this.entries.get(streamId);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the stream as most recently used.
      this.entries.delete(streamId);
      this.entries.set(streamId, hit);
    }
    return hit;
  }

  /** Keeps the newer of what is cached and `folded` (two commands on one stream may race). */
  set(streamId: string, folded: FoldedState<State>): void {
    const current = this.entries.get(streamId);
    if (current && current.version >= folded.version) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}

// One cache per store (two stores in one process may hold streams of the same id) and per decider.
const caches = new WeakMap<EventStore, WeakMap<object, StateCache<unknown>>>();

export function stateCacheFor<State>(store: EventStore, decider: object): StateCache<State> {
  let byDecider = caches.get(store);
  if (!byDecider) caches.set(store, (byDecider = new WeakMap()));
  let cache = byDecider.get(decider);
  if (!cache) byDecider.set(decider, (cache = new StateCache()));
  return cache as StateCache<State>;
}
