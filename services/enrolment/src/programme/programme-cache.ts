import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventStore, StoredEvent } from '@kompeten/event-store';
import { initialProgrammeState, ProgrammeState, evolveEnrolment, Enrolment } from './programme.state';
import { PROGRAMME_OWN_TYPES, programmeStreamId } from './programme-streams';
import { LEDGER_TYPES } from './seat';
import { SeatLedger } from './seat-ledger';

/** A participant's event as kept from a programme stream written before issue 23 (its note left out). */
interface LegacyEvent {
  event: ProgrammeEvent;
  position: number;
}

/**
 * One programme as this process last read it: its own stream folded up to `version`, and its seats
 * (the ledger) up to the ledger's position. Both only move forward, by events read back from the store.
 */
export interface ProgrammeEntry {
  programmeId: string;
  /** The programme stream's version folded (what a decision names in `unchanged`, and an If-Match compares). */
  version: number;
  /** The last global position of the programme stream folded. */
  position: number;
  /** Status and details; its `enrolments` and `seats` are not used (they live below). */
  header: ProgrammeState;
  /**
   * Participants' events found in the programme stream itself: a programme published before
   * participants had their own streams. Read, never rewritten (the hash chain stays as it is); new
   * events of the same participants go to their sub-streams and are read after these.
   */
  legacy: Map<string, LegacyEvent[]>;
  seats: SeatLedger;
}

export const freshEntry = (programmeId: string): ProgrammeEntry => ({
  programmeId,
  version: 0,
  position: 0,
  header: initialProgrammeState(),
  legacy: new Map(),
  seats: new SeatLedger(),
});

/** Folds the programme stream's newer events: its own into the header, a participant's into legacy and the seats. */
export function foldProgrammeStream(entry: ProgrammeEntry, events: StoredEvent<ProgrammeEvent>[]) {
  for (const stored of events) {
    // Two commands of this process may read the same events: each is folded once.
    if (stored.streamVersion <= entry.version) continue;
    const event = { type: stored.type, data: stored.data } as ProgrammeEvent;
    if (PROGRAMME_OWN_TYPES.includes(event.type)) entry.header = { ...entry.header, ...ownFold(entry.header, event) };
    else {
      const nip = (event.data as { nip: string }).nip;
      // The cache outlives an erasure: it keeps no free text about the person (the sealed notes).
      const kept = {
        event: { ...event, data: { ...event.data, note: null } } as unknown as ProgrammeEvent,
        position: stored.position,
      };
      entry.legacy.set(nip, [...(entry.legacy.get(nip) ?? []), kept]);
      entry.seats.apply(event, stored.position);
    }
    entry.version = stored.streamVersion;
    entry.position = stored.position;
  }
}

function ownFold(s: ProgrammeState, event: ProgrammeEvent): Partial<ProgrammeState> {
  if (event.type === 'ProgrammePublished') {
    const { programmeId, ...details } = event.data;
    return { status: 'published', programmeId, details };
  }
  if (event.type === 'ProgrammeRevised') return { details: { ...s.details, ...event.data.changes } };
  return { status: 'cancelled' };
}

/**
 * The programmes recently commanded in this process, per store (two stores may hold the same ids).
 * Why: folding a programme's seats costs its participants; kept here, a command reads only the
 * events appended since (by any replica), usually none or a few. Safe for the reasons SeatLedger
 * gives, and every append still checks what it read (`unchanged`, `noneAfter`).
 */
export class ProgrammeCache {
  private readonly entries = new Map<string, ProgrammeEntry>();
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 200,
  ) {}

  /** The programme caught up with the store: its own stream always, its seats when `seats` (a decision reads them). */
  async load(programmeId: string, { seats }: { seats: boolean }): Promise<ProgrammeEntry> {
    const entry = this.entries.get(programmeId) ?? freshEntry(programmeId);
    this.touch(programmeId, entry);
    const stream = programmeStreamId(programmeId);
    foldProgrammeStream(entry, await this.store.readStream<ProgrammeEvent>(stream, entry.version + 1));
    if (seats)
      entry.seats.applySubStreamEvents(await this.store.readSubStreams(stream, LEDGER_TYPES, entry.seats.position));
    return entry;
  }

  /**
   * Runs `decision` after this process's earlier seat decisions on the programme have ended. Seat
   * decisions on one programme succeed one at a time anyway (each appends on condition that no seat
   * event came after what it read); queued here, a replica's own commands stop failing each other's
   * condition, and only another replica's can make one decide again.
   */
  exclusive<T>(programmeId: string, decision: () => Promise<T>): Promise<T> {
    const before = this.turns.get(programmeId) ?? Promise.resolve();
    const mine = before.then(decision, decision);
    const settled = mine.catch(() => undefined);
    this.turns.set(programmeId, settled);
    void settled.then(() => {
      if (this.turns.get(programmeId) === settled) this.turns.delete(programmeId);
    });
    return mine;
  }

  /** After repeated conflicts (or a database restored from a backup), start again from the log. */
  forget(programmeId: string): void {
    this.entries.delete(programmeId);
  }

  private touch(programmeId: string, entry: ProgrammeEntry) {
    // Map keeps insertion order: re-inserting marks the programme as the most recently used.
    this.entries.delete(programmeId);
    this.entries.set(programmeId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const caches = new WeakMap<EventStore, ProgrammeCache>();
export function programmeCacheFor(store: EventStore): ProgrammeCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new ProgrammeCache(store)));
  return cache;
}

/** One participant's enrolment: their events in the programme stream (before issue 23), then their own stream's. */
export function enrolmentFrom(
  entry: ProgrammeEntry,
  nip: string,
  own: StoredEvent<ProgrammeEvent>[],
): Enrolment | undefined {
  let e: Enrolment | undefined;
  for (const { event, position } of entry.legacy.get(nip) ?? []) e = evolveEnrolment(e, event, position);
  for (const x of own) e = evolveEnrolment(e, { type: x.type, data: x.data } as ProgrammeEvent, x.position);
  return e;
}
