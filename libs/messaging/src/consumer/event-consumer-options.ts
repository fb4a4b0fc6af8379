import type { ConsumerConfig, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { PersonalKeyStore, UpcasterRegistry } from '@kompeten/event-store';
import type { BackoffOptions } from '../shared/backoff';
import type { MessagingLogger } from '../shared/messaging-logger';
import type { EventHandler } from './event-handler';
import type { DeadLetterReason } from './dead-letter';

export interface EventConsumerOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /** The read model's name: applied event ids are recorded under it. Every replica uses the same name. */
  name: string;
  groupId: string;
  topics: string[];
  /**
   * Applies each event (build it with `eventHandler`). Events of types it does not name are
   * acknowledged and skipped before upcasting, so a new schema version of a type it ignores is
   * never dead-lettered; a bare function handles every type.
   */
  handle: EventHandler;
  /** Opens the events (old versions upcast). Default: every contract's upcasters (`contractUpcasters()`). */
  upcasters?: UpcasterRegistry;
  keys?: PersonalKeyStore;
  /** Attempts for a handler error that is not transient, before the message is dead-lettered (default 5). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Start a new group at the beginning of the topics (default true: a read model wants all history). */
  fromBeginning?: boolean;
  /** Partitions processed in parallel (default 1); order within a partition is always kept. */
  partitionsConsumedConcurrently?: number;
  /**
   * Apply up to 200 messages of a partition in one transaction (one claim insert, one commit) rather
   * than one transaction each; falls back to one by one for a slice with anything unusual in it.
   * For read models. A handler that appends to the event store holds the log's head lock for the
   * whole batch, so sagas keep the default (false).
   */
  applyInBatches?: boolean;
  /** Passed to kafkajs (session timeout, heartbeat interval, …). */
  consumerConfig?: Partial<Omit<ConsumerConfig, 'groupId'>>;
  /** Called after the read-model transaction and before the offset commit (metrics, tests). */
  onProcessed?: (outcome: ConsumerOutcome) => void | Promise<void>;
  logger?: MessagingLogger;
}

export interface ConsumerOutcome {
  topic: string;
  partition: number;
  offset: string;
  result: 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';
  eventId?: string;
  reason?: DeadLetterReason;
  /** Handler attempts, transient retries included. */
  attempts: number;
}

export interface EventConsumerStats {
  applied: number;
  duplicates: number;
  ignored: number;
  deadLettered: number;
  retries: number;
  /** Partitions per topic assigned to this member at the last rebalance. */
  assignment: Record<string, number[]>;
  lastError?: string;
}
