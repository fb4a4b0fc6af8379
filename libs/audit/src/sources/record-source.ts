import type { EventRecord } from '@kompeten/event-store';

/**
 * Where a read stopped, so that it can resume: the last position handed out and, for Kafka, the
 * next offset to read in each partition.
 */
export interface SourceCursor {
  position: number;
  offsets?: Record<string, string>;
}

export const START: SourceCursor = { position: 0 };

/** Which copy of a service's log a record was read from. */
export type SourceKind = 'store' | 'kafka';

/**
 * One copy of one service's log, read in position order, one record at a time (never the whole
 * log at once): the event store table, or the Kafka topic read from its first offset.
 */
export interface RecordSource {
  readonly kind: SourceKind;
  /** Records after `from`, in position order, each position once. Stops early when `signal` aborts. */
  records(from: SourceCursor, signal?: AbortSignal): AsyncGenerator<EventRecord>;
  /** Where the read stands: after the last record handed out. */
  cursor(): SourceCursor;
  /** Work done and to do (positions for the store, messages for Kafka), for progress and ETA. */
  progress(): { done: number; total: number };
}
