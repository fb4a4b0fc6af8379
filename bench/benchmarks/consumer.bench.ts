import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { QueryRunner } from 'typeorm';
import type { EventRecord, StoredEvent } from '@kompeten/event-store';
import { encodeRecord, EventConsumer, EventHandler } from '@kompeten/messaging';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { CostMeter, medianOf, now, paired, perSecond, sleep } from '../harness/measure';
import { median } from '../harness/stats';
import { backendPids, BenchDatabase, createBenchDatabase } from '../support/databases';
import { benchKafka, benchTopics } from '../support/kafka';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The read model: events per stream. A counter is not idempotent by itself, so a redelivery would count twice: the dedupe matters. */
const UPSERT = `insert into bench_read_model (stream_id, events, last_position) values ($1, 1, $2)
  on conflict (stream_id) do update set events = bench_read_model.events + 1, last_position = excluded.last_position`;

/** The same read model, a slice at a time: one statement per slice, the effect of UPSERT on each event in turn. */
const UPSERT_BATCH = `insert into bench_read_model (stream_id, events, last_position)
  select stream_id, count(*), max(position) from unnest($1::text[], $2::bigint[]) as e(stream_id, position) group by stream_id
  on conflict (stream_id) do update set events = bench_read_model.events + excluded.events, last_position = excluded.last_position`;

const upsertOne = (e: StoredEvent, tx: QueryRunner) => tx.query(UPSERT, [e.streamId, e.position]).then(() => undefined);
// A handler of its own (Object.assign on upsertOne itself would give the plain figures applyBatch too).
const upsertBatch = Object.assign((e: StoredEvent, tx: QueryRunner) => upsertOne(e, tx), {
  applyBatch: (events: StoredEvent[], tx: QueryRunner) =>
    tx.query(UPSERT_BATCH, [events.map((e) => e.streamId), events.map((e) => e.position)]).then(() => undefined),
});

/** Waits until `count()` reaches `total`; returns events per second between the first and the last (joining the group is not counted). */
async function throughput(total: number, count: () => number, firstAt: () => number | undefined): Promise<number> {
  const deadline = Date.now() + 600_000;
  while (count() < total) {
    if (Date.now() > deadline) throw new Error(`consumer stuck at ${count()}/${total}`);
    await sleep(5);
  }
  return perSecond(total - 1, now() - firstAt()!);
}

export const consumer: Benchmark = {
  name: 'consumer',
  readsLogs: true,
  description:
    'EventConsumer → read model, idempotent (msg_processed claim + upsert per message) vs the same upserts without the dedupe step',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, events } = sized(ctx, { full: { runs: 3, events: 5_000 }, smoke: { runs: 1, events: 50 } });
    const source = await ctx.fixtures.get(sized(ctx, { full: 10_000, smoke: 1_000 }));
    const kafka = benchKafka('kompeten-bench-consumer');
    const topics = await benchTopics(kafka, ['consumer']);
    const [topic] = topics.names;
    const db = await createBenchDatabase('read_model');
    try {
      await db.dataSource.query(
        'create table bench_read_model (stream_id text primary key, events int not null, last_position bigint not null)',
      );
      const records: EventRecord[] = [];
      for await (const r of source.store.records(0)) if (records.push(r) >= events) break;
      const producer = kafka.producer();
      await producer.connect();
      for (let i = 0; i < records.length; i += 500)
        await producer.send({ topic, messages: records.slice(i, i + 500).map(encodeRecord) });
      await producer.disconnect();
      const tag = randomBytes(3).toString('hex');
      let run = 0;
      const costs: Record<string, number>[] = [];
      const subject =
        (concurrency = 1, applyInBatches = false, handle: EventHandler = upsertOne) =>
        async () => {
          const name = `bench-${tag}-${run++}`;
          let n = 0;
          let first: number | undefined;
          const c = new EventConsumer({
            dataSource: db.dataSource,
            kafka,
            name,
            groupId: name,
            topics: [topic],
            fromBeginning: true,
            logger: quiet,
            partitionsConsumedConcurrently: concurrency,
            applyInBatches,
            handle,
            onProcessed: () => {
              if (n++ === 0) first = now();
            },
          });
          await c.start();
          const meter = await CostMeter.start(() => backendPids(db.dataSource, db.name));
          try {
            const rate = await throughput(
              records.length,
              () => n,
              () => first,
            );
            if (concurrency === 1 && !applyInBatches) costs.push(await meter.read(records.length));
            return rate;
          } finally {
            await c.stop();
          }
        };
      const baselineCosts: Record<string, number>[] = [];
      const baseline = async () => {
        const b = await plainConsumer(kafka, db, topic, `bench-${tag}-${run++}`, records.length);
        baselineCosts.push(b.costs);
        return b.rate;
      };
      const r = await paired(runs, subject(), baseline);
      const figure: Figure = {
        benchmark: this.name,
        label: `EventConsumer, 1 partition at a time (default), ${events.toLocaleString('en')} events`,
        unit: 'events/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: {
          label: 'kafkajs eachMessage + the same upsert, no msg_processed, auto-commit',
          value: median(r.baseline),
          samples: r.baseline,
        },
        ratio: median(r.ratios),
        target: { min: 10_000 },
        diagnostics: { subject: medianOf(costs), baseline: medianOf(baselineCosts) },
      };
      figure.met = targetMet(figure);
      // The read models' setting (feedback, assessment's roster copy): one transaction per batch.
      const b = await paired(runs, subject(1, true), baseline);
      const batched: Figure = {
        benchmark: this.name,
        label: `EventConsumer, applyInBatches (200 messages per transaction), ${events.toLocaleString('en')} events`,
        unit: 'events/s',
        value: median(b.subject),
        samples: b.subject,
        baseline: {
          label: 'kafkajs eachMessage + the same upsert, no msg_processed, auto-commit',
          value: median(b.baseline),
          samples: b.baseline,
        },
        ratio: median(b.ratios),
        target: { min: 10_000 },
      };
      batched.met = targetMet(batched);
      // And with a handler that applies each slice in one statement (EventHandler.applyBatch).
      const s = await paired(runs, subject(1, true, upsertBatch), baseline);
      const setBased: Figure = {
        benchmark: this.name,
        label: `EventConsumer, applyInBatches + a handler with applyBatch (one upsert per slice of 200), ${events.toLocaleString('en')} events`,
        unit: 'events/s',
        value: median(s.subject),
        samples: s.subject,
        baseline: {
          label: 'kafkajs eachMessage + the same upsert, no msg_processed, auto-commit',
          value: median(s.baseline),
          samples: s.baseline,
        },
        ratio: median(s.ratios),
        target: { min: 10_000 },
      };
      setBased.met = targetMet(setBased);
      return [figure, batched, setBased];
    } finally {
      await topics.drop();
      await db.drop();
    }
  },
};

/** The same upsert for each message, autocommitted, offsets committed by kafkajs in the background. */
async function plainConsumer(kafka: Kafka, db: BenchDatabase, topic: string, groupId: string, total: number) {
  const pool = db.pool({ max: 2 });
  const c = kafka.consumer({ groupId });
  let n = 0;
  let first: number | undefined;
  await c.connect();
  await c.subscribe({ topics: [topic], fromBeginning: true });
  const meter = await CostMeter.start(() => backendPids(db.dataSource, db.name));
  await c.run({
    eachMessage: async ({ message }) => {
      const r = JSON.parse(message.value!.toString()) as EventRecord;
      await pool.query(UPSERT, [r.streamId, r.position]);
      if (n++ === 0) first = now();
    },
  });
  try {
    const rate = await throughput(
      total,
      () => n,
      () => first,
    );
    return { rate, costs: await meter.read(total) };
  } finally {
    await c.disconnect();
    await pool.end();
  }
}
