import type { Kafka } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { EventOpener, StoredEvent } from '@kompeten/event-store';
import { decodeMessage, EventHandler } from '@kompeten/messaging';

/**
 * EXPERIMENT (not used by the services): EventConsumer's exactly-once apply, one transaction per
 * Kafka batch instead of per message — the change BENCHMARKS.md proposes for
 * libs/messaging/src/consumer/event-consumer.ts. Per batch of one partition: decode and open every
 * message, claim all their ids in msg_processed with ONE insert (…on conflict do nothing returning),
 * apply the handler to the claimed ones in offset order, commit, THEN commit the offset once.
 * Same guarantee: a crash before the offset commit redelivers the batch and the claims skip it.
 * (Poison messages and retries are left out: the benchmark has none.)
 */
export async function runBatchedConsumer(options: {
  dataSource: DataSource;
  kafka: Kafka;
  name: string;
  topic: string;
  handle: EventHandler;
  onBatchStart?: () => void;
  onApplied: (n: number) => void;
}): Promise<{ stop(): Promise<void> }> {
  const opener = new EventOpener();
  const consumer = options.kafka.consumer({ groupId: options.name });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, heartbeat }) => {
      if (batch.messages.length === 0) return;
      options.onBatchStart?.();
      const events = await opener.open(batch.messages.map((m) => decodeMessage(m)));
      const tx: QueryRunner = options.dataSource.createQueryRunner();
      let applied = 0;
      try {
        await tx.connect();
        await tx.startTransaction();
        const claimed: { event_id: string }[] = await tx.query(
          `insert into msg_processed (consumer, event_id) select $1, unnest($2::uuid[]) on conflict do nothing returning event_id`,
          [options.name, events.map((e) => e.eventId)],
        );
        const fresh = new Set(claimed.map((c) => c.event_id));
        for (const e of events as StoredEvent[])
          if (fresh.has(e.eventId)) {
            await options.handle(e, tx);
            applied++;
          }
        await tx.commitTransaction();
      } catch (e) {
        if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
        throw e;
      } finally {
        await tx.release();
      }
      const last = batch.messages[batch.messages.length - 1].offset;
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
      ]);
      options.onApplied(applied);
      await heartbeat();
    },
  });
  return { stop: () => consumer.disconnect() };
}
