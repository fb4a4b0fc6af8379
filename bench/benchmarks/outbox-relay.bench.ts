import { Partitioners } from 'kafkajs';
import type { EventRecord } from '@kompeten/event-store';
import { encodeRecord, EventMessage, OutboxRelay } from '@kompeten/messaging';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { CostMeter, medianOf, now, paired, perSecond, sleep } from '../harness/measure';
import { median } from '../harness/stats';
import { backendPids } from '../support/databases';
import { benchKafka, benchTopics } from '../support/kafka';
import type { SeededLog } from '../support/seeded-logs';

const OLD_RELAY_BATCH = 200; // OutboxRelay's fixed round before issue 23
const SEND_BYTES = 900_000; // OutboxRelay's default maxBatchBytes: a round reads about this much
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

/** The relay's estimate of a message on the wire (libs/messaging, send-batches.ts). */
const messageBytes = (m: EventMessage) =>
  64 +
  Buffer.byteLength(m.key) +
  Buffer.byteLength(m.value) +
  Object.entries(m.headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

/** The sends the relay makes of a long backlog: consecutive messages up to SEND_BYTES each. */
function sends(messages: EventMessage[]): EventMessage[][] {
  const out: EventMessage[][] = [];
  let current: EventMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const b = messageBytes(m);
    if (current.length > 0 && bytes + b > SEND_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += b;
  }
  if (current.length > 0) out.push(current);
  return out;
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
        for (const batch of sends(messages)) await producer.send({ topic: directTopic, acks: -1, messages: batch });
        const rate = perSecond(messages.length, now() - start);
        directCosts.push(await meter.read(messages.length));
        return rate;
      };
      let relays = 0;
      const costs: Record<string, number>[] = [];
      const relayed = async (batchSize?: number) => {
        const d = await drain(log, kafka, relayTopic, `bench-${relays++}`, batchSize);
        if (batchSize === undefined) costs.push(d.costs);
        return d.rate;
      };
      await direct();
      const r = await paired(
        runs,
        () => relayed(),
        () => direct(),
      );
      const before = await paired(
        runs,
        () => relayed(),
        () => relayed(OLD_RELAY_BATCH),
      );
      const figure: Figure = {
        benchmark: this.name,
        label: `OutboxRelay, rounds sized by bytes (default: ≈ ${SEND_BYTES.toLocaleString('en')} bytes), ${events.toLocaleString('en')} events`,
        unit: 'events/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: {
          label: `kafkajs producer, same messages in the same sends (≤ ${SEND_BYTES.toLocaleString('en')} bytes), acks=all, idempotent`,
          value: median(r.baseline),
          samples: r.baseline,
        },
        ratio: median(r.ratios),
        target: { min: 20_000, minRatio: 0.7 },
        diagnostics: { subject: medianOf(costs), baseline: medianOf(directCosts) },
      };
      figure.met = targetMet(figure);
      return [
        figure,
        {
          benchmark: this.name,
          label: `OutboxRelay, rounds sized by bytes, against rounds of at most ${OLD_RELAY_BATCH} events (batchSize ${OLD_RELAY_BATCH}, the old default)`,
          unit: 'events/s',
          value: median(before.subject),
          samples: before.subject,
          baseline: {
            label: `OutboxRelay, batchSize ${OLD_RELAY_BATCH}`,
            value: median(before.baseline),
            samples: before.baseline,
          },
          ratio: median(before.ratios),
        },
      ];
    } finally {
      await producer.disconnect().catch(() => undefined);
      await topics.drop();
    }
  },
};
