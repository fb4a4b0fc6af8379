import type { DomainEvent } from '@kompeten/domain';

/**
 * Who did it and why — carried by every event (DESIGN.md). The clock arrives here too: deciders never
 * call `new Date()`; the handler passes `now` in.
 */
export interface EventMetadata {
  /** The authenticated principal (e.g. `user:…`, `service:budget`, `kiosk:…`). */
  actor: string;
  /** Shared by everything that happened because of one outside request. */
  correlationId: string;
  /** The id of the event or command that directly caused this event (null for a direct command). */
  causationId: string | null;
  /** W3C trace context, when tracing is on. */
  traceparent?: string;
  /**
   * The command that appended this event, when its caller made it retry-safe (the gateway's
   * `x-command-id`, from an Idempotency-Key): a retry finds it here and is not run again.
   */
  commandId?: string;
}

// An event as a decider produces it ({ type, data }) is the domain's; the envelopes below carry it.
export type { DomainEvent };

/** Marks which payload fields hold personal data, and whose (one key per person). */
export interface PersonalData {
  /** Whose data it is, e.g. `staff:198609262015051001` or `respondent:<uuid>`. */
  subject: string;
  /** Top-level payload field names to encrypt. */
  fields: string[];
}

/** What append() takes. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  type: E['type'];
  data: E['data'];
  /** Defaults to the current version registered for the type (or 1). */
  schemaVersion?: number;
  /** When it happened in the world; defaults to the recording time. */
  occurredAt?: Date;
  personal?: PersonalData;
}

/** An event as stored and as published: the envelope of DESIGN.md. */
export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  eventId: string;
  type: E['type'];
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  /** Global position in this service's log: 1, 2, 3 … without gaps. */
  position: number;
  occurredAt: string;
  recordedAt: string;
  metadata: EventMetadata;
  /** As readers see it: upcast to the current schema, personal fields decrypted (or null when erased). */
  data: E['data'];
  /** Personal fields that could not be shown because their owner was erased. */
  erased?: string[];
  prevHash: string;
  hash: string;
}

/** The stored, hashed form of an event (payload exactly as persisted: personal fields encrypted). */
export interface EventRecord {
  position: number;
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  metadata: EventMetadata;
  payload: unknown;
  prevHash: string;
  hash: string;
}

/** Expected stream version for optimistic concurrency: a number of events, or a condition. */
export type ExpectedVersion = number | 'no-stream' | 'any';

/** One stream's part of an atomic append across streams (`EventStore.appendAll`). */
export interface StreamAppend<E extends DomainEvent = DomainEvent> {
  streamId: string;
  expected: ExpectedVersion;
  events: NewEvent<E>[];
}

/**
 * What a decision read but does not write, checked under the chain head's lock together with the
 * expected versions: a dynamic consistency boundary (as in DCB, dcb.events). A programme's seats,
 * for example, are decided from the seat events of all its participants' sub-streams, while the
 * decision writes only one or two of them.
 */
export interface AppendCondition {
  /** Streams read but not written: each must still be at this version. */
  unchanged?: { streamId: string; version: number }[];
  /** No event of these types in any sub-stream `${parent}/…` after this global position. */
  noneAfter?: { parent: string; types: readonly string[]; position: number };
}

/**
 * A stream `<parent>/<child>` is a sub-stream of `<parent>` (a programme's participant:
 * `programme-<id>/<nip>`). It is published with its parent's key, so one Kafka partition keeps a
 * parent and all its sub-streams in log order — consumers see them in the order they happened.
 */
export const parentStreamOf = (streamId: string): string => {
  const slash = streamId.indexOf('/');
  return slash < 0 ? streamId : streamId.slice(0, slash);
};
