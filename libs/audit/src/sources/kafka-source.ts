import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { EventRecord } from '@kompeten/event-store';
import { decodeMessage, EVENT_HEADERS, header, PoisonMessageError } from '@kompeten/messaging';
import { FetchedMessage, PartitionMerge, PartitionRange, TopicFindings } from './partition-merge';
import type { RecordSource, SourceCursor } from './record-source';

/**
 * Messages buffered per partition before its fetching pauses, so memory stays flat on any log
 * size (buffers hold the value bytes; records are decoded only when merged). Small on purpose: a
 * partition that runs ahead (one big stream) pauses, and the one the merge waits for is fetched
 * again within the consumer's short wait — throughput barely depends on the buffer size, the heap does.
 */
const HIGH_WATER = 250;
const LOW_WATER = 50;

/**
 * A service's event topic read from its first offset (or a saved cursor) up to the high-water
 * marks measured when the read began, merged back into position order (PartitionMerge). Uses a
 * throwaway consumer group that commits nothing, so it never moves any service's consumer.
 */
export class KafkaSource implements RecordSource {
  readonly kind = 'kafka' as const;
  private merge?: PartitionMerge;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  /** What the read found besides records: duplicates, conflicting copies, undecodable messages. */
  findings(): TopicFindings | undefined {
    return this.merge?.findings;
  }

  async *records(from: SourceCursor, signal?: AbortSignal): AsyncGenerator<EventRecord> {
    const ranges = await this.ranges(from);
    const merge = (this.merge = new PartitionMerge(ranges, from.position));
    if (ranges.every((r) => merge.isFetchedAll(r.partition))) return;
    const fetcher = new PartitionFetcher(this.kafka, this.topic, merge, ranges);
    await fetcher.start();
    try {
      while (!signal?.aborted) {
        const step = merge.next();
        if (step.kind === 'end') return;
        if (step.kind === 'record') {
          fetcher.resumeDrained();
          yield step.record;
          continue;
        }
        fetcher.resumeDrained();
        await fetcher.waitForData(signal);
      }
    } finally {
      await fetcher.stop();
    }
  }

  cursor(): SourceCursor {
    return this.merge?.cursor() ?? { position: 0 };
  }

  progress(): { done: number; total: number } {
    return this.merge?.progress() ?? { done: 0, total: 0 };
  }

  private async ranges(from: SourceCursor): Promise<PartitionRange[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(this.topic);
      return offsets
        .map((p) => {
          const saved = from.offsets?.[String(p.partition)];
          const start = saved !== undefined && BigInt(saved) > BigInt(p.low) ? saved : p.low;
          return { partition: p.partition, start, end: p.high };
        })
        .sort((a, b) => a.partition - b.partition);
    } finally {
      await admin.disconnect();
    }
  }
}

/** Orders by the `position` header (cheap); decodes the value only when merged, and then checks the header. */
function fetched(partition: number, m: KafkaMessage): FetchedMessage {
  // Keep only what decoding checks, not kafkajs's message object (a small heap goes further).
  const kept = [EVENT_HEADERS.contentType, EVENT_HEADERS.eventId, EVENT_HEADERS.type].flatMap(
    (h): [string, string][] => {
      const v = header(m.headers, h);
      return v === undefined ? [] : [[h, v]];
    },
  );
  const raw = { key: m.key?.toString() ?? null, value: m.value, headers: Object.fromEntries(kept) };
  const position = Number(header(m.headers, EVENT_HEADERS.position));
  if (Number.isSafeInteger(position) && position > 0)
    return { partition, offset: m.offset, position, decode: () => decodeMessage(raw) };
  try {
    const record = decodeMessage(raw);
    return { partition, offset: m.offset, position: record.position, decode: () => record };
  } catch (e) {
    if (!(e instanceof PoisonMessageError)) throw e;
    return {
      partition,
      offset: m.offset,
      position: null,
      decode: () => {
        throw e;
      },
    };
  }
}

/** Fetches the partitions into the merge, pausing a partition whose buffer is full (backpressure). */
class PartitionFetcher {
  private readonly consumer: Consumer;
  private readonly paused = new Set<number>();
  private wake?: () => void;
  private failure?: Error;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly merge: PartitionMerge,
    private readonly ranges: PartitionRange[],
  ) {
    this.consumer = kafka.consumer({
      // A short wait: while every partition is paused (buffers full), kafkajs sleeps this long between fetches.
      groupId: `kompeten-audit-${randomBytes(6).toString('hex')}`,
      maxWaitTimeInMs: 20,
      maxBytes: 2 << 20,
      maxBytesPerPartition: 256 << 10,
      allowAutoTopicCreation: false,
    });
  }

  async start(): Promise<void> {
    const { consumer, merge, topic } = this;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.failure = payload.error;
      this.wake?.();
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: ({ batch }) => {
        for (const m of batch.messages) merge.push(fetched(batch.partition, m));
        merge.fetchedUpTo(batch.partition, batch.lastOffset());
        if (merge.isFetchedAll(batch.partition) || merge.buffered(batch.partition) >= HIGH_WATER)
          this.pause(batch.partition);
        this.wake?.();
        return Promise.resolve();
      },
    });
    for (const r of this.ranges) consumer.seek({ topic, partition: r.partition, offset: r.start });
  }

  /** Lets a paused partition fetch again once the merge has drained its buffer. */
  resumeDrained(): void {
    for (const p of [...this.paused]) {
      if (!this.merge.isFetchedAll(p) && this.merge.buffered(p) <= LOW_WATER) {
        this.paused.delete(p);
        this.consumer.resume([{ topic: this.topic, partitions: [p] }]);
      }
    }
  }

  waitForData(signal?: AbortSignal): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.wake = undefined;
        if (this.failure) reject(this.failure);
        else resolve();
      };
      const timer = setTimeout(done, 1000);
      signal?.addEventListener('abort', done);
      this.wake = done;
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
  }

  private pause(partition: number): void {
    if (this.paused.has(partition)) return;
    this.paused.add(partition);
    this.consumer.pause([{ topic: this.topic, partitions: [partition] }]);
  }
}
