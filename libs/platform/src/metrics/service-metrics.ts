import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Kafka } from 'kafkajs';
import { EventConsumer, MessagingWorker, OutboxRelay, ProjectionRunner } from '@kompeten/messaging';

/**
 * Gauges read at scrape time from where the truth is (the database, the workers, the broker), so
 * they agree with each other and survive restarts: events appended (= the log's head position),
 * outbox backlog, projection lag, consumer applied/duplicate/dead-lettered counts and lag per
 * partition, Postgres pool usage.
 */
export function registerServiceMetrics(
  registry: Registry,
  ds: DataSource,
  kafka: Kafka,
  workers: MessagingWorker[],
  eventSourced: boolean,
) {
  const gauge = (
    name: string,
    help: string,
    labelNames: string[],
    collect: (g: Gauge<string>) => Promise<void> | void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        await collect(this);
      },
    });
  const relays = workers.filter((w): w is OutboxRelay => w instanceof OutboxRelay);
  const consumers = workers.filter((w): w is EventConsumer => w instanceof EventConsumer);
  const projections = workers.filter((w): w is ProjectionRunner => w instanceof ProjectionRunner);

  if (eventSourced) {
    gauge('kompeten_events_appended', 'Events in this service’s log (its head position)', [], async (g) => {
      const [row] = await ds.query<{ position: string }[]>('select position from es_head where id = 1');
      g.set(Number(row?.position ?? 0));
    });
    gauge('kompeten_outbox_backlog', 'Events committed but not yet published to Kafka', ['relay'], async (g) => {
      const rows = await ds.query<{ relay: string; backlog: string }[]>(
        `select r.relay, h.position - coalesce(c.position, 0) as backlog
        from unnest($1::text[]) as r(relay) cross join es_head h left join outbox_checkpoint c using (relay)`,
        [relays.map((r) => r.stats().name)],
      );
      g.reset();
      for (const r of rows) g.set({ relay: r.relay }, Number(r.backlog));
    });
    gauge('kompeten_outbox_relayed', 'Events this process published to Kafka', ['relay', 'role'], (g) => {
      g.reset();
      for (const r of relays) g.set({ relay: r.stats().name, role: r.stats().role }, r.stats().relayedTotal);
    });
    gauge('kompeten_projection_lag_events', 'Events a projection has still to apply', ['projection'], async (g) => {
      g.reset();
      for (const p of projections) {
        const s = await p.status();
        g.set({ projection: p.name }, s.headPosition - s.position);
      }
    });
  }
  gauge(
    'kompeten_consumer_events',
    'Events handled by each consumer of this process, by outcome',
    ['consumer', 'outcome'],
    (g) => {
      g.reset();
      for (const c of consumers) {
        const s = c.stats();
        for (const [outcome, n] of Object.entries({
          applied: s.applied,
          duplicate: s.duplicates,
          ignored: s.ignored,
          'dead-lettered': s.deadLettered,
          retried: s.retries,
        })) {
          g.set({ consumer: c.subscription.name, outcome }, n);
        }
      }
    },
  );
  gauge(
    'kompeten_consumer_lag',
    'Messages not yet consumed, per group, topic and partition',
    ['group', 'topic', 'partition'],
    async (g) => {
      g.reset();
      if (!consumers.length) return;
      const admin = kafka.admin();
      await admin.connect();
      try {
        for (const c of consumers) {
          const { groupId, topics } = c.subscription;
          for (const topic of topics) {
            const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
            const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
            for (const p of committed?.partitions ?? []) {
              const at = Number(p.offset) < 0 ? 0 : Number(p.offset);
              g.set(
                { group: groupId, topic, partition: String(p.partition) },
                Math.max(0, (ends.get(p.partition) ?? 0) - at),
              );
            }
          }
        }
      } finally {
        await admin.disconnect();
      }
    },
  );
  gauge('kompeten_db_pool_connections', 'Postgres pool connections by state', ['state'], (g) => {
    const pool = (ds.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } })
      .master;
    if (!pool) return;
    g.set({ state: 'total' }, pool.totalCount);
    g.set({ state: 'idle' }, pool.idleCount);
    g.set({ state: 'waiting' }, pool.waitingCount);
  });
}
