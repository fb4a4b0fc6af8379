import type { QueryRunner } from 'typeorm';
import { EventRecord, EventStore, StoredEvent, verifyChain } from '@kompeten/event-store';
import { encodeRecord, EventConsumer, Projection } from '@kompeten/messaging';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now, paired, perSecond, repeated, sleep } from '../harness/measure';
import { median } from '../harness/stats';
import { verifyFast } from '../experiments/fast-canonical';
import { LeanAppendQueue } from '../experiments/lean-append-writer';
import { recordsLean } from '../experiments/lean-read';
import { createBenchDatabase } from '../support/databases';
import { benchEvent, benchMetadata } from '../support/events';
import { benchKafka, benchTopics } from '../support/kafka';
import { closedLoop } from './append-single.bench';
import { drain } from './outbox-relay.bench';
import { rebuildOnce, streamCounts } from './projection-rebuild.bench';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A "what if" figure: the proposed change (subject) against today's code (baseline), measured pairwise. */
function whatIf(
  label: string,
  current: string,
  r: { subject: number[]; baseline: number[]; ratios: number[] },
  note: string,
): Figure {
  return {
    benchmark: 'proposals',
    label,
    unit: 'events/s',
    value: median(r.subject),
    samples: r.subject,
    baseline: { label: current, value: median(r.baseline), samples: r.baseline },
    ratio: median(r.ratios),
    note,
  };
}

/**
 * `npm run bench -- proposals` (not part of the default run): the fixes BENCHMARKS.md proposes,
 * prototyped under bench/experiments and measured against the current libraries in the same run.
 */
export const proposals: Benchmark = {
  name: 'proposals',
  optIn: true,
  readsLogs: true,
  description: 'prototypes of the proposed fixes vs the current code, pairwise',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, single, batch, consumed, rebuilt } = sized(ctx, {
      full: { runs: 3, single: 5_000, batch: 50_000, consumed: 1_000, rebuilt: 100_000 },
      smoke: { runs: 1, single: 64, batch: 1_000, consumed: 50, rebuilt: 1_000 },
    });
    const figures: Figure[] = [];
    const step = (f: Figure) => {
      figures.push(f);
      ctx.log(
        `  ${f.label}: ${Math.round(f.value)} vs ${Math.round(f.baseline?.value ?? NaN)} (${f.ratio?.toFixed(2)}×)`,
      );
    };

    // 1–2. Append: fewer round trips, one jsonb parameter.
    const db = await createBenchDatabase('proposal_append');
    const relaxed = await createBenchDatabase('proposal_async', { extra: { options: '-c synchronous_commit=off' } });
    try {
      const store = new EventStore(db.dataSource);
      const lean = new LeanAppendQueue(db.dataSource);
      const event = benchEvent(1);
      let tag = 0;
      const singles = (append: (s: string) => Promise<unknown>) => async () =>
        perSecond(single, await closedLoop(single, 16, (_w, i) => append(`s${tag}-${i}`)).finally(() => tag++));
      const viaStore = (s: EventStore) => (id: string) => s.append(id, 'no-stream', [event], benchMetadata());
      const viaLean = (id: string) => lean.append(id, 'no-stream', [event], benchMetadata());
      await singles(viaStore(store))();
      await singles(viaLean)();
      step(
        whatIf(
          'append, 1 event per command, 16 writers: rows as one jsonb parameter',
          'EventStore.append today',
          await paired(runs, singles(viaLean), singles(viaStore(store))),
          'the rest of proposal 1 (append-writer.ts; its one-statement write is in the library now); same lock, checks and hashes',
        ),
      );
      const relaxedStore = new EventStore(relaxed.dataSource);
      await singles(viaStore(relaxedStore))();
      step(
        whatIf(
          'append, 1 event per command, 16 writers: synchronous_commit=off',
          'EventStore.append today',
          await paired(runs, singles(viaStore(relaxedStore)), singles(viaStore(store))),
          'durability trade-off (a crash may lose the last ~0.6 s of acknowledged appends); not proposed as a default',
        ),
      );
      const events100 = Array.from({ length: 100 }, (_, i) => benchEvent(i));
      const batches = (append: (s: string) => Promise<unknown>) => async () => {
        const start = now();
        for (let i = 0; i < batch / 100; i++) await append(`b${tag}-${i}`);
        tag++;
        return perSecond(batch, now() - start);
      };
      step(
        whatIf(
          'append, batches of 100, 1 writer: rows as one jsonb parameter',
          'EventStore.append today',
          await paired(
            runs,
            batches((id) => lean.append(id, 'no-stream', events100, benchMetadata())),
            batches((id) => store.append(id, 'no-stream', events100, benchMetadata())),
          ),
          'proposal 1 (append-writer.ts)',
        ),
      );
      const check = await store.verify();
      if (!check.ok || !check.headAgrees) throw new Error('the experimental writer broke the chain');
    } finally {
      await db.drop();
      await relaxed.drop();
    }

    // 3. Catch-up read with timestamps rendered by Postgres.
    const log = await ctx.fixtures.get(sized(ctx, { full: 100_000, smoke: 1_000 }));
    const records: EventRecord[] = [];
    for await (const r of log.store.records()) records.push(r);
    let i = 0;
    for await (const r of recordsLean(log.db.dataSource)) {
      if (JSON.stringify(r) !== JSON.stringify(records[i++]))
        throw new Error(`lean read differs at position ${r.position}`);
    }
    const readAll = (iterate: () => AsyncGenerator<EventRecord>) => async () => {
      let n = 0;
      const start = now();
      for await (const r of iterate()) if (r.position) n++;
      return perSecond(n, now() - start);
    };
    step(
      whatIf(
        'catch-up read, timestamps rendered by Postgres (to_char)',
        'EventStore.records() today',
        await paired(
          runs,
          readAll(() => recordsLean(log.db.dataSource)),
          readAll(() => log.store.records()),
        ),
        'proposal 6 (record-mapping.ts); records identical',
      ),
    );

    // 4. Audit verify with a faster canonicaliser.
    step(
      whatIf(
        'verify, canonical JSON by sorted keys + JSON.stringify',
        'verifyChain today (canonicalize package)',
        await paired(
          runs,
          () => {
            const start = now();
            verifyFast(records);
            return Promise.resolve(perSecond(records.length, now() - start));
          },
          async () => {
            const start = now();
            await verifyChain(records);
            return perSecond(records.length, now() - start);
          },
        ),
        'proposal 5 (event-hash.ts); every hash identical',
      ),
    );

    // 5. Relay batch size.
    const kafka = benchKafka('kompeten-bench-proposals');
    const topics = await benchTopics(kafka, ['relay', 'consumer']);
    try {
      let relays = 0;
      step(
        whatIf(
          'outbox relay, batchSize 1000',
          'OutboxRelay default (200)',
          await paired(
            Math.min(runs, 2),
            async () => (await drain(log, kafka, topics.names[0], `proposal-${relays++}`, 1000)).rate,
            async () => (await drain(log, kafka, topics.names[0], `proposal-${relays++}`)).rate,
          ),
          'proposal 2 (outbox-relay.ts)',
        ),
      );

      // 6. Consumer: partitions in parallel. (One transaction per Kafka batch was proposal 3; it is done —
      // `applyInBatches` — and `npm run bench -- consumer` measures it against one message at a time.)
      const rm = await createBenchDatabase('proposal_consumer');
      try {
        await rm.dataSource.query(
          'create table bench_read_model (stream_id text primary key, events int not null, last_position bigint not null)',
        );
        const producer = kafka.producer();
        await producer.connect();
        await producer.send({ topic: topics.names[1], messages: records.slice(0, consumed).map(encodeRecord) });
        await producer.disconnect();
        const handle = (e: StoredEvent, tx: QueryRunner) =>
          tx
            .query(
              `insert into bench_read_model (stream_id, events, last_position) values ($1, 1, $2)
          on conflict (stream_id) do update set events = bench_read_model.events + 1, last_position = excluded.last_position`,
              [e.streamId, e.position],
            )
            .then(() => undefined);
        let groups = 0;
        const timedUntil = async (count: () => number, first: () => number | undefined) => {
          while (count() < consumed) await sleep(5);
          return perSecond(consumed, now() - first()!);
        };
        const current = (concurrency: number) => async () => {
          let n = 0;
          let first: number | undefined;
          const name = `proposal-${Date.now()}-${groups++}`;
          const c = new EventConsumer({
            dataSource: rm.dataSource,
            kafka,
            name,
            groupId: name,
            topics: [topics.names[1]],
            handle,
            logger: quiet,
            partitionsConsumedConcurrently: concurrency,
            onProcessed: () => {
              if (n++ === 0) first = now();
            },
          });
          await c.start();
          try {
            return await timedUntil(
              () => n,
              () => first,
            );
          } finally {
            await c.stop();
          }
        };
        step(
          whatIf(
            'consumer: partitionsConsumedConcurrently 3 (option exists)',
            'EventConsumer today',
            await paired(runs, current(3), current(1)),
            'configuration',
          ),
        );
      } finally {
        await rm.drop();
      }
    } finally {
      await topics.drop();
    }

    // 7. Projection: the runner's own ceiling. (One statement per batch was proposal 4; it is done —
    // `Projection.applyBatch` — and `npm run bench -- projection-rebuild` measures it.)
    const big = await ctx.fixtures.get(rebuilt);
    const noWrites: Projection = { ...streamCounts, name: 'bench_no_writes', apply: () => Promise.resolve() };
    const runnerOnly = await repeated(1, async () => perSecond(big.events, (await rebuildOnce(big, noWrites)).ms));
    step({
      benchmark: 'proposals',
      label: 'rebuild: the runner alone (apply writes nothing)',
      unit: 'events/s',
      value: median(runnerOnly),
      samples: runnerOnly,
      note: 'the ceiling of the current runner loop: read, open, lock, checkpoint, and an empty live batch per batch',
    });
    return figures;
  },
};
