import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { BackoffOptions } from '../shared/backoff';
import type { MessagingLogger } from '../shared/messaging-logger';

export interface OutboxRelayOptions {
  /** The service's DataSource; only its connection settings are used (the relay opens two sessions of its own). */
  dataSource: DataSource;
  kafka: Kafka;
  /** The service's event topic, e.g. eventTopic('enrolment'). */
  topic: string;
  /** Names the checkpoint and the leadership lock: replicas of one service share it. */
  name: string;
  /**
   * The most events read from the log per round (default 5,000). Rounds are sized by bytes: each
   * reads about maxBatchBytes' worth of events, estimated from the previous round's average (the
   * first reads 200 or batchSize if lower), and is sent in sends of at most maxBatchBytes.
   */
  batchSize?: number;
  /**
   * Bytes per Kafka send, and the bytes a round aims to read (default 900 000, below the broker's default max.message.bytes of 1 048 588):
   * a partition's share of a send is one record batch, which the broker refuses whole when it is larger.
   */
  maxBatchBytes?: number;
  /** Fallback poll when no append notification arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** How often a standby replica tries to take over (default 2000 ms). */
  standbyRetryMs?: number;
  backoff?: BackoffOptions;
  logger?: MessagingLogger;
}

/** For metrics and readiness. */
export interface OutboxRelayStats {
  name: string;
  topic: string;
  role: 'stopped' | 'standby' | 'leader';
  /** Last position sent and checkpointed (0 before the first batch of this process). */
  lastRelayedPosition: number;
  headPosition: number;
  /** Events committed but not yet relayed, as last measured by the leader. */
  backlog: number;
  relayedTotal: number;
  /** Events larger than the broker accepts, set aside in outbox_parked instead of blocking the log. */
  parkedTotal: number;
  lastError?: string;
}
