import { Consumer, EachMessagePayload, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { deadLetterTopic } from '@kompeten/contracts';
import { EventOpener, UnknownSchemaVersionError } from '@kompeten/event-store';
import { backoffDelay, delay } from '../shared/backoff';
import { defaultLogger, errorText, MessagingLogger } from '../shared/messaging-logger';
import { decodeMessage } from '../wire/decode-message';
import { PoisonMessageError } from '../wire/poison-message.error';
import { withContinuedTrace } from '@kompeten/tracing';
import { applyOnce } from './apply-once';
import { DeadLetterReason, deadLetterMessage } from './dead-letter';
import type { ConsumerOutcome, EventConsumerOptions, EventConsumerStats } from './event-consumer-options';
import { isTransientError } from './transient-error';

class ConsumerStopping extends Error {}

const TALLY = { applied: 'applied', duplicate: 'duplicates', ignored: 'ignored', 'dead-lettered': 'deadLettered' } as const;

/** Where a message sits, and its event id once decoded. */
type MessageAt = Pick<ConsumerOutcome, 'topic' | 'partition' | 'offset' | 'eventId'>;

/**
 * Applies a topic's events to a read model exactly once: decode → open/upcast → one Postgres
 * transaction (processed-id claim + handler) → only then commit the Kafka offset. Transient database
 * errors retry without limit; anything that can never succeed goes to `<topic>.dlq` with the reason.
 */
export class EventConsumer {
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly opener: EventOpener;
  private readonly logger: MessagingLogger;
  private abort = new AbortController();
  private readonly tally: EventConsumerStats = { applied: 0, duplicates: 0, ignored: 0, deadLettered: 0, retries: 0, assignment: {} };

  constructor(private readonly options: EventConsumerOptions) {
    this.opener = new EventOpener(options.upcasters, options.keys);
    this.logger = options.logger ?? defaultLogger(`EventConsumer(${options.name})`);
  }

  /** Connects, joins the group and starts consuming in the background. */
  async start(): Promise<void> {
    if (this.consumer) return;
    this.abort = new AbortController();
    const consumer = this.options.kafka.consumer({ ...this.options.consumerConfig, groupId: this.options.groupId });
    const producer = this.options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    consumer.on(consumer.events.GROUP_JOIN, (e) => (this.tally.assignment = e.payload.memberAssignment));
    this.consumer = consumer;
    this.producer = producer;
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      // kafkajs marks a message's offset only once eachMessage has returned (its effects committed in
      // Postgres) and commits the marks every second or 500 messages, and on rebalance and stop. A
      // crash in between redelivers what was applied since the last commit; msg_processed makes that
      // harmless. A synchronous commit per message cost 5.7 ms of the 7 (BENCHMARKS.md, consumer).
      autoCommit: true,
      autoCommitInterval: 1000,
      autoCommitThreshold: 500,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: (payload) => this.onMessage(payload),
    });
  }

  /** Abandons retries in progress (their offsets stay uncommitted), leaves the group and disconnects. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.consumer = this.producer = undefined;
  }

  /** Which group reads which topics (for lag metrics). */
  get subscription(): { name: string; groupId: string; topics: string[] } {
    return { name: this.options.name, groupId: this.options.groupId, topics: this.options.topics };
  }

  stats(): EventConsumerStats {
    return { ...this.tally, assignment: { ...this.tally.assignment } };
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const outcome = await this.process(topic, partition, message, heartbeat);
    this.tally[TALLY[outcome.result]]++;
    await this.options.onProcessed?.(outcome);
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<ConsumerOutcome> {
    const at: MessageAt = { topic, partition, offset: message.offset };
    let record;
    try {
      record = decodeMessage(message);
    } catch (e) {
      if (e instanceof PoisonMessageError) return this.deadLetter(at, message, e.reason, e, 0, heartbeat);
      throw e;
    }
    at.eventId = record.eventId;
    if (this.options.eventTypes && !this.options.eventTypes.includes(record.type)) return { ...at, result: 'ignored', attempts: 0 };
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let failed = 0, transient = 0; ;) {
      if (!this.running) throw new ConsumerStopping('consumer stopping');
      try {
        const [event] = await this.opener.open([record]);
        // The consumed event's trace continues here: the read-model writes and any events appended join it.
        const result = await withContinuedTrace(`${this.options.name} ${record.type}`, record.metadata?.traceparent,
          { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.message.id': record.eventId },
          () => applyOnce(this.options.dataSource, this.options.name, event, this.options.handle));
        return { ...at, result, attempts: failed + transient + 1 };
      } catch (e) {
        const attempts = failed + transient + 1;
        if (e instanceof UnknownSchemaVersionError) return this.deadLetter(at, message, 'unknown-schema-version', e, attempts, heartbeat);
        const isTransient = isTransientError(e);
        if (!isTransient && ++failed >= maxAttempts) return this.deadLetter(at, message, 'handler-failed', e, attempts, heartbeat);
        const wait = backoffDelay(isTransient ? transient++ : failed - 1, this.options.backoff);
        this.tally.retries++;
        this.tally.lastError = errorText(e);
        this.logger.warn(`${isTransient ? 'transient error' : `attempt ${failed}/${maxAttempts} failed`} on ${record.type} ${record.eventId} (${topic}/${partition}@${message.offset}): ${this.tally.lastError}; retrying in ${wait} ms`);
        await this.pause(wait, heartbeat);
      }
    }
  }

  /** Parks the message; retries the send without limit, since committing the offset without it would lose the message. */
  private async deadLetter(
    at: MessageAt, message: KafkaMessage, reason: DeadLetterReason,
    error: unknown, attempts: number, heartbeat: () => Promise<void>,
  ): Promise<ConsumerOutcome> {
    const parked = deadLetterMessage(message, { topic: at.topic, partition: at.partition, offset: at.offset, consumer: this.options.name }, reason, error);
    for (let failures = 0; ; failures++) {
      if (!this.running) throw new ConsumerStopping('consumer stopping');
      try {
        await this.producer!.send({ topic: deadLetterTopic(at.topic), acks: -1, messages: [parked] });
        break;
      } catch (e) {
        this.logger.warn(`cannot write to ${deadLetterTopic(at.topic)} (${errorText(e)}); retrying`);
        await this.pause(backoffDelay(failures, this.options.backoff), heartbeat);
      }
    }
    this.logger.error(`parked ${at.topic}/${at.partition}@${at.offset} on ${deadLetterTopic(at.topic)}: ${reason}: ${errorText(error)}`);
    return { ...at, result: 'dead-lettered', reason, attempts };
  }

  /** Sleeps in slices, heartbeating so that a long back-off does not cost the partition assignment. */
  private async pause(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    for (const until = Date.now() + ms; this.running && Date.now() < until;) {
      await delay(Math.min(1000, until - Date.now()), this.abort.signal);
      if (this.running) await heartbeat();
    }
  }

  private get running(): boolean {
    return !this.abort.signal.aborted;
  }
}
