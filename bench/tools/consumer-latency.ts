import { randomUUID } from 'node:crypto';
import { createBenchDatabase } from '../support/databases';
import { benchKafka, benchTopics } from '../support/kafka';

/**
 * Where an EventConsumer's time per message goes, measured part by part against KAFKA_BROKERS and
 * the local Postgres: the exactly-once transaction (claim + upsert + commit) and the synchronous
 * Kafka offset commit. Compare brokers by pointing KAFKA_BROKERS at each, e.g. one started with
 * `--override group.coordinator.append.linger.ms=0`:
 *   node -r ./deploy/register-paths.cjs dist/bench/tools/consumer-latency.js [messages=300]
 */
async function main(n: number) {
  const db = await createBenchDatabase('consumer_latency');
  const kafka = benchKafka('kompeten-bench-latency');
  const topics = await benchTopics(kafka, ['latency'], 1);
  try {
    await db.dataSource.query('create table rm (stream_id text primary key, events int not null)');
    const perCall = async (f: (i: number) => Promise<unknown>) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) await f(i);
      return Math.round(((performance.now() - start) / n) * 100) / 100;
    };
    const transaction = () =>
      perCall(async (i) => {
        const tx = db.dataSource.createQueryRunner();
        await tx.connect();
        await tx.startTransaction();
        await tx.query(
          'insert into msg_processed (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id',
          ['c', randomUUID()],
        );
        await tx.query('insert into rm values ($1, 1) on conflict (stream_id) do update set events = rm.events + 1', [
          `s${i % 50}`,
        ]);
        await tx.commitTransaction();
        await tx.release();
      });
    const [topic] = topics.names;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: `bench.latency.${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const commits: number[] = [];
    await new Promise<void>(
      (done) =>
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ message }) => {
            if (commits.length >= n) return;
            const start = performance.now();
            await consumer.commitOffsets([{ topic, partition: 0, offset: String(Number(message.offset) + 1) }]);
            commits.push(performance.now() - start);
            if (commits.length >= n) done();
          },
        }),
    );
    await consumer.disconnect();
    console.log({
      messages: n,
      transactionMs: await transaction(),
      transactionAgainMs: await transaction(),
      offsetCommitMs: Math.round((commits.reduce((a, b) => a + b, 0) / commits.length) * 100) / 100,
    });
  } finally {
    await topics.drop();
    await db.drop();
  }
}

main(Number(process.argv[2] ?? 300)).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
