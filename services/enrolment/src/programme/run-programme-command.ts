import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import {
  AppendCondition,
  EventMetadata,
  EventStore,
  StoredEvent,
  StreamAppend,
  WrongExpectedVersionError,
} from '@kompeten/event-store';
import { personalNotes } from './personal-notes';
import type { ProgrammeCommand } from './programme.commands';
import { programmeDecider } from './programme.decider';
import { enrolmentFrom, ProgrammeEntry, programmeCacheFor } from './programme-cache';
import { participantStreamId, PROGRAMME_OWN_TYPES, programmeStreamId } from './programme-streams';
import type { ProgrammeState } from './programme.state';
import { readsSeats, seatCondition } from './seat-condition';

export interface ProgrammeCommandOptions {
  /** The programme stream's version the client last saw (If-Match): no retry when it moved. */
  expectedVersion?: number;
  /** Append inside the caller's transaction (a reaction's, with its processed-message record). */
  tx?: QueryRunner;
  /** Decide again on fresh state after a conflict, up to this many times (default: retriesFor). */
  retries?: number;
}

export interface ProgrammeCommandResult {
  /** The participant's stream for a command about one participant, else the programme's. */
  streamId: string;
  /** That stream's version after the append (ETag). */
  version: number;
  events: StoredEvent<ProgrammeEvent>[];
}

const nipOf = (c: ProgrammeCommand): string | null => ('nip' in c ? c.nip : null);

/** The state a decision reads: the programme, the participant's enrolment, the seats as the ledger holds them. */
export function stateFor(
  entry: ProgrammeEntry,
  nip: string | null,
  own: StoredEvent<ProgrammeEvent>[],
): ProgrammeState {
  const e = nip ? enrolmentFrom(entry, nip, own) : undefined;
  const last = own.length ? own[own.length - 1].position : 0;
  return {
    ...entry.header,
    enrolments: e && nip ? { [nip]: e } : {},
    seats: entry.seats.view(),
    // Positions the decision creates (a newcomer's place in the queue) come after everything read.
    version: Math.max(entry.position, entry.seats.position, last),
  };
}

/**
 * Every programme use case ends here. Load the programme (cached), the participant's own stream and —
 * for a decision about seats — the seat ledger; decide; append every event to its stream in one
 * atomic appendAll, on condition that the programme stream is unchanged and, for a seat decision,
 * that no seat event reached any participant stream after the ledger's position. Two enrolments
 * racing for the last seat: the second append fails its condition, it is decided again on the
 * fresh ledger and waitlisted — never over capacity, across any number of replicas. Commands about
 * one participant (attendance, statements, completion) touch only that participant's stream.
 */
export async function runProgrammeCommand(
  store: EventStore,
  programmeId: string,
  command: ProgrammeCommand,
  metadata: EventMetadata,
  options: ProgrammeCommandOptions = {},
): Promise<ProgrammeCommandResult> {
  // A seat decision waits for this process's others on the programme — unless it runs in a caller's
  // transaction: that may already hold the log's head lock an earlier decision is waiting for.
  if (readsSeats(command) !== 'never' && !options.tx)
    return programmeCacheFor(store).exclusive(programmeId, () =>
      withRetries(store, programmeId, command, metadata, options),
    );
  return withRetries(store, programmeId, command, metadata, options);
}

/**
 * A seat decision fails only when another one on the same programme succeeded (in another replica, or
 * a reaction's): the programme always moves on, and the loser decides again at once on what the
 * winner appended. Replicas enrolling into one programme at once lose several times in a row now
 * and then (two replicas, 50 parallel enrolments: more than five in a row seen), so they get more tries than a
 * participant's own command, which only its own participant's other commands can conflict with.
 */
const retriesFor = (c: ProgrammeCommand) => (readsSeats(c) === 'never' ? 5 : 25);

async function withRetries(
  store: EventStore,
  programmeId: string,
  command: ProgrammeCommand,
  metadata: EventMetadata,
  options: ProgrammeCommandOptions,
): Promise<ProgrammeCommandResult> {
  const retries = options.expectedVersion === undefined ? (options.retries ?? retriesFor(command)) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await runOnce(store, programmeId, command, metadata, options);
    } catch (e) {
      if (!(e instanceof WrongExpectedVersionError)) throw e;
      // The cache is never ahead of the store (only events read back are folded); a conflict is
      // someone else's append, read on the next try. Only repeated ones start again from the log.
      if (attempt >= retries) {
        programmeCacheFor(store).forget(programmeId);
        throw e;
      }
    }
  }
}

async function runOnce(
  store: EventStore,
  programmeId: string,
  command: ProgrammeCommand,
  metadata: EventMetadata,
  options: ProgrammeCommandOptions,
): Promise<ProgrammeCommandResult> {
  const parent = programmeStreamId(programmeId);
  const nip = nipOf(command);
  const ownStream = nip ? participantStreamId(programmeId, nip) : null;
  // The participant's stream first, the seats after: the ledger is then at least as new as it.
  const own = ownStream ? await store.readStream<ProgrammeEvent>(ownStream) : [];
  const entry = await programmeCacheFor(store).load(programmeId, { seats: readsSeats(command) !== 'never' });
  if (options.expectedVersion !== undefined && options.expectedVersion !== entry.version)
    throw new WrongExpectedVersionError(parent, options.expectedVersion, entry.version);
  // No await from here to the decision: the seats view reads the shared ledger as it is now.
  const state = stateFor(entry, nip, own);
  const decided = programmeDecider.decide(command, state);
  const condition: AppendCondition = seatCondition(command, state, parent, entry.seats.position);
  const parts = partsOf(decided, {
    programmeId,
    parent,
    ownStream,
    ownVersion: own.length,
    parentVersion: entry.version,
  });
  if (!parts.some((p) => p.streamId === parent)) condition.unchanged = [{ streamId: parent, version: entry.version }];
  const events = await store.appendAll<ProgrammeEvent>(parts, metadata, condition, options.tx);
  const streamId = ownStream ?? parent;
  const mine = events.filter((e) => e.streamId === streamId);
  const version = mine.length ? mine[mine.length - 1].streamVersion : ownStream ? own.length : entry.version;
  return { streamId, version, events };
}

/**
 * Each event to its stream, in the order decided. The participant's stream at the version read; a
 * promoted participant's stream at any version: everything that could change a promotion is a seat
 * event, which the seat condition catches.
 */
function partsOf(
  decided: ProgrammeEvent[],
  at: { programmeId: string; parent: string; ownStream: string | null; ownVersion: number; parentVersion: number },
): StreamAppend<ProgrammeEvent>[] {
  const parts = new Map<string, StreamAppend<ProgrammeEvent>>();
  for (const e of decided) {
    const streamId = PROGRAMME_OWN_TYPES.includes(e.type)
      ? at.parent
      : participantStreamId(at.programmeId, (e.data as { nip: string }).nip);
    const expected = streamId === at.parent ? at.parentVersion : streamId === at.ownStream ? at.ownVersion : 'any';
    const part = parts.get(streamId) ?? { streamId, expected, events: [] };
    part.events.push({ type: e.type, data: e.data, personal: personalNotes(e) });
    parts.set(streamId, part);
  }
  return [...parts.values()];
}
