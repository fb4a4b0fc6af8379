import { Partitioners } from 'kafkajs';
import type { EventRecord } from '@kompeten/event-store';
import { encodeRecord, OutboxRelay } from '@kompeten/messaging';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { CostMeter, medianOf, now, paired, perSecond, sleep } from '../harness/measure';
import { median } from '../harness/stats';
import { backendPids } from '../support/databases';
import { benchKafka, benchTopics } from '../support/kafka';
import type { SeededLog } from '../support/seeded-logs';

const RELAY_BATCH = 200; // OutboxRelay's default
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Drains a log of `events` through a fresh relay (its own checkpoint name, so from position 0) and
 * returns events per second between its first and last batch (connecting is not counted).
 */
export async function drain(
  log: SeededLog,
  kafka: ReturnType<typeof benchKafka>,
  topic: string,
  name: string,
  batchSize?: number,
) {
  const head = (await log.store.head()).position;
  const relay = new OutboxRelay({ dataSource: log.db.dataSource, kafka, topic, name, batchSize, logger: quiet });
  const meter = await CostMeter.start(() => backendPids(log.db.dataSource, log.db.name));
  const started = now();
  await relay.start();
  let first: { at: number; position: number } | undefined;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const s = relay.stats();
    if (!first && s.lastRelayedPosition > 0) first = { at: now(), position: s.lastRelayedPosition };
    if (s.lastRelayedPosition >= head) break;
    if (Date.now() > deadline) throw new Error(`relay stuck at ${s.lastRelayedPosition}/${head}: ${s.lastError ?? ''}`);
    await sleep(2);
  }
  const end = now();
  const costs = await meter.read(head);
  await relay.stop();
  // From the first batch on (connecting is not counted), unless one batch carried everything.
  const rate =
    first!.position < head ? perSecond(head - first!.position, end - first!.at) : perSecond(head, end - started);
  return { rate, costs };
}

export const outboxRelay: Benchmark = {
  name: 'outbox-relay',
  readsLogs: true,
  description:
    'outbox relay → Kafka, draining a backlog (sustained) vs a kafkajs producer sending the same messages directly',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, events } = sized(ctx, { full: { runs: 5, events: 10_000 }, smoke: { runs: 1, events: 1_000 } });
    const log = await ctx.fixtures.get(events);
    const kafka = benchKafka('kompeten-bench-relay');
    const topics = await benchTopics(kafka, ['relay', 'direct']);
    const [relayTopic, directTopic] = topics.names;
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      const records: EventRecord[] = [];
      for await (const r of log.store.records()) records.push(r);
      await producer.connect();
      const directCosts: Record<string, number>[] = [];
      const direct = async () => {
        const messages = records.map(encodeRecord);
        const meter = await CostMeter.start();
        const start = now();
        for (let i = 0; i < messages.length; i += RELAY_BATCH) {
          await producer.send({ topic: directTopic, acks: -1, messages: messages.slice(i, i + RELAY_BATCH) });
        }
        const rate = perSecond(messages.length, now() - start);
        directCosts.push(await meter.read(messages.length));
        return rate;
      };
      let relays = 0;
      const costs: Record<string, number>[] = [];
      await direct();
      const r = await paired(
        runs,
        async () => {
          const d = await drain(log, kafka, relayTopic, `bench-${relays++}`);
          costs.push(d.costs);
          return d.rate;
        },
        () => direct(),
      );
      const figure: Figure = {
        benchmark: this.name,
        label: `OutboxRelay, batches of ${RELAY_BATCH} (default), ${events.toLocaleString('en')} events`,
        unit: 'events/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: {
          label: `kafkajs producer, same messages, batches of ${RELAY_BATCH}, acks=all, idempotent`,
          value: median(r.baseline),
          samples: r.baseline,
        },
        ratio: median(r.ratios),
        target: { min: 20_000, minRatio: 0.7 },
        diagnostics: { subject: medianOf(costs), baseline: medianOf(directCosts) },
      };
      figure.met = targetMet(figure);
      return [figure];
    } finally {
      await producer.disconnect().catch(() => undefined);
      await topics.drop();
    }
  },
};
