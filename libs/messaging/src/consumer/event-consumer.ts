import { Consumer, EachBatchPayload, EachMessagePayload, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { deadLetterTopic } from '@kompeten/contracts';
import { contractUpcasters, EventOpener, StoredEvent, UnknownSchemaVersionError } from '@kompeten/event-store';
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

/** Messages per transaction with `applyInBatches`. */
const BATCH = 200;

const TALLY = {
  applied: 'applied',
  duplicate: 'duplicates',
  ignored: 'ignored',
  'dead-lettered': 'deadLettered',
} as const;

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
  /** The types the handler names; undefined: every type. */
  private readonly eventTypes?: ReadonlySet<string>;
  private readonly logger: MessagingLogger;
  private abort = new AbortController();
  private readonly tally: EventConsumerStats = {
    applied: 0,
    duplicates: 0,
    ignored: 0,
    deadLettered: 0,
    retries: 0,
    assignment: {},
  };

  /** `options`: the consumer as defined (what it reads, how it applies), for tools and tests that inspect it. */
  constructor(readonly options: Readonly<EventConsumerOptions>) {
    this.opener = new EventOpener(options.upcasters ?? contractUpcasters(), options.keys);
    this.eventTypes = options.handle.eventTypes && new Set(options.handle.eventTypes);
    this.logger = options.logger ?? defaultLogger(`EventConsumer(${options.name})`);
  }

  /** Connects, joins the group and starts consuming in the background. */
  async start(): Promise<void> {
    if (this.consumer) return;
    this.abort = new AbortController();
    const consumer = this.options.kafka.consumer({ ...this.options.consumerConfig, groupId: this.options.groupId });
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
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
      ...(this.options.applyInBatches
        ? { eachBatchAutoResolve: false, eachBatch: (payload: EachBatchPayload) => this.onBatch(payload) }
        : { eachMessage: (payload: EachMessagePayload) => this.onMessage(payload) }),
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

  /**
   * `applyInBatches`: up to BATCH messages of a partition in one transaction. Anything unusual in a
   * slice — a poison message, an unknown schema version, a failing handler, a lost connection —
   * rolls it back whole, and the slice is applied message by message as without batching (retries,
   * dead-lettering), so batching changes the speed and nothing else.
   */
  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    const heartbeat = () => payload.heartbeat();
    for (let i = 0; i < batch.messages.length && payload.isRunning() && !payload.isStale(); i += BATCH) {
      const slice = batch.messages.slice(i, i + BATCH);
      const outcomes = await this.applySlice(topic, partition, slice).catch((e) => {
        if (!this.running) throw new ConsumerStopping('consumer stopping');
        this.logger.warn(
          `a batch of ${slice.length} from ${topic}/${partition}@${slice[0].offset} is applied one by one: ${errorText(e)}`,
        );
        return undefined;
      });
      if (outcomes) {
        for (const outcome of outcomes) {
          this.tally[TALLY[outcome.result]]++;
          await this.options.onProcessed?.(outcome);
        }
        payload.resolveOffset(slice[slice.length - 1].offset);
      } else {
        for (const message of slice) {
          await this.onMessage({ topic, partition, message, heartbeat, pause: () => () => undefined });
          payload.resolveOffset(message.offset);
        }
      }
      await heartbeat();
    }
  }

  private async applySlice(topic: string, partition: number, messages: KafkaMessage[]): Promise<ConsumerOutcome[]> {
    const records = messages.map((m) => decodeMessage(m)); // a poison message throws: one by one
    const events = await this.opener.open(records.filter((r) => this.handles(r.type)));
    const applied = events.length ? await this.applyOnce(topic, events) : new Set<string>();
    const seen = new Set<string>();
    return records.map((r, k): ConsumerOutcome => {
      const at = { topic, partition, offset: messages[k].offset, eventId: r.eventId };
      if (!this.handles(r.type)) return { ...at, result: 'ignored', attempts: 0 };
      const first = !seen.has(r.eventId);
      seen.add(r.eventId);
      return { ...at, result: first && applied.has(r.eventId) ? 'applied' : 'duplicate', attempts: 1 };
    });
  }

  private handles(type: string): boolean {
    return !this.eventTypes || this.eventTypes.has(type);
  }

  /**
   * Exactly-once apply; each handler call continues the consumed event's trace (its writes and any
   * events it appends join it). A batch given to `applyBatch` is one span, continuing its first event's trace.
   */
  private applyOnce(topic: string, events: StoredEvent[]): Promise<Set<string>> {
    return applyOnce(
      this.options.dataSource,
      this.options.name,
      events,
      this.options.handle,
      (event, work) =>
        withContinuedTrace(
          `${this.options.name} ${event.type}`,
          event.metadata?.traceparent,
          { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.message.id': event.eventId },
          work,
        ),
      (batch, work) =>
        withContinuedTrace(
          `${this.options.name} batch`,
          batch[0].metadata?.traceparent,
          {
            'messaging.system': 'kafka',
            'messaging.destination.name': topic,
            'messaging.batch.message_count': String(batch.length),
          },
          work,
        ),
    );
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const outcome = await this.process(topic, partition, message, () => payload.heartbeat());
    this.tally[TALLY[outcome.result]]++;
    await this.options.onProcessed?.(outcome);
  }

  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<ConsumerOutcome> {
    const at: MessageAt = { topic, partition, offset: message.offset };
    let record;
    try {
      record = decodeMessage(message);
    } catch (e) {
      if (e instanceof PoisonMessageError) return this.deadLetter(at, message, e.reason, e, 0, heartbeat);
      throw e;
    }
    at.eventId = record.eventId;
    if (!this.handles(record.type)) return { ...at, result: 'ignored', attempts: 0 };
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let failed = 0, transient = 0; ;) {
      if (!this.running) throw new ConsumerStopping('consumer stopping');
      try {
        const applied = await this.applyOnce(topic, await this.opener.open([record]));
        return { ...at, result: applied.size ? 'applied' : 'duplicate', attempts: failed + transient + 1 };
      } catch (e) {
        const attempts = failed + transient + 1;
        if (e instanceof UnknownSchemaVersionError)
          return this.deadLetter(at, message, 'unknown-schema-version', e, attempts, heartbeat);
        const isTransient = isTransientError(e);
        if (!isTransient && ++failed >= maxAttempts)
          return this.deadLetter(at, message, 'handler-failed', e, attempts, heartbeat);
        const wait = backoffDelay(isTransient ? transient++ : failed - 1, this.options.backoff);
        this.tally.retries++;
        this.tally.lastError = errorText(e);
        this.logger.warn(
          `${isTransient ? 'transient error' : `attempt ${failed}/${maxAttempts} failed`} on ${record.type} ${record.eventId} (${topic}/${partition}@${message.offset}): ${this.tally.lastError}; retrying in ${wait} ms`,
        );
        await this.pause(wait, heartbeat);
      }
    }
  }

  /** Parks the message; retries the send without limit, since committing the offset without it would lose the message. */
  private async deadLetter(
    at: MessageAt,
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: unknown,
    attempts: number,
    heartbeat: () => Promise<void>,
  ): Promise<ConsumerOutcome> {
    const parked = deadLetterMessage(
      message,
      { topic: at.topic, partition: at.partition, offset: at.offset, consumer: this.options.name },
      reason,
      error,
    );
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
    this.logger.error(
      `parked ${at.topic}/${at.partition}@${at.offset} on ${deadLetterTopic(at.topic)}: ${reason}: ${errorText(error)}`,
    );
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
