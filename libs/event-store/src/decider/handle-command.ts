import type { QueryRunner } from 'typeorm';
import type { EventStore } from '../store/event-store';
import type {
  DomainEvent,
  EventMetadata,
  ExpectedVersion,
  NewEvent,
  PersonalData,
  StoredEvent,
} from '../store/event-envelope';
import type { Decider } from './decider';
import { WrongExpectedVersionError } from '../store/errors';
import { stateCacheFor } from './state-cache';

export interface HandleOptions<Event extends DomainEvent> {
  /** What the client last saw (e.g. from If-Match); defaults to the version just loaded. */
  expectedVersion?: ExpectedVersion;
  /** Marks personal fields of each decided event. */
  personal?: (event: Event) => PersonalData | undefined;
  occurredAt?: Date;
  /**
   * Without an explicit expectedVersion, a conflict means someone appended between our load and
   * our append: reload and decide again on the fresh state, up to this many times (default 5).
   */
  retries?: number;
  /** Append inside the caller's transaction (e.g. a reaction's, with its processed-message record). */
  tx?: QueryRunner;
  /**
   * Keep the folded state in this process and fold only newer events next time (state-cache.ts).
   * For long streams whose state holds no decrypted personal data (e.g. a programme's).
   */
  cacheState?: boolean;
}

export interface HandleResult<Event extends DomainEvent> {
  events: StoredEvent<Event>[];
  /** The stream's version after the append (what the client sends back as If-Match). */
  version: number;
}

/**
 * Load → fold → decide → append with the expected version. Two racing commands on one stream:
 * the second append fails with WrongExpectedVersionError (409), never a silent overwrite.
 */
export async function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<Command, State, Event>,
  streamId: string,
  command: Command,
  metadata: EventMetadata,
  options: HandleOptions<Event> = {},
): Promise<HandleResult<Event>> {
  const retries = options.expectedVersion === undefined ? (options.retries ?? 5) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await handleOnce(store, decider, streamId, command, metadata, options);
    } catch (e) {
      if (!(e instanceof WrongExpectedVersionError)) throw e;
      // A cached state is behind the store, never ahead of it — unless the database was restored
      // from a backup. After a conflict, fold the stream from the start again to be sure.
      if (options.cacheState) stateCacheFor(store, decider).forget(streamId);
      if (attempt >= retries) throw e;
    }
  }
}

async function handleOnce<Command, State, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<Command, State, Event>,
  streamId: string,
  command: Command,
  metadata: EventMetadata,
  options: HandleOptions<Event>,
): Promise<HandleResult<Event>> {
  const cache = options.cacheState ? stateCacheFor<State>(store, decider) : undefined;
  const from = cache?.get(streamId) ?? { version: 0, state: decider.initialState() };
  const newer = await store.readStream<Event>(streamId, from.version + 1);
  const state = newer.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event), from.state);
  const loaded = newer.length ? newer[newer.length - 1].streamVersion : from.version;
  cache?.set(streamId, { version: loaded, state });
  const decided = decider.decide(command, state);
  const toAppend: NewEvent<Event>[] = decided.map((e) => ({
    type: e.type,
    data: e.data,
    occurredAt: options.occurredAt,
    personal: options.personal?.(e),
  }));
  const events = await store.append(streamId, options.expectedVersion ?? loaded, toAppend, metadata, options.tx);
  return { events, version: events.length ? events[events.length - 1].streamVersion : loaded };
}
