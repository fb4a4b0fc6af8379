#!/usr/bin/env node
// Brings up what Kompeten stands on — PostgreSQL (with one database per service) and a Kafka broker
// (with the topics from libs/contracts) — and says whether this process started the broker.
//   node scripts/infra.mjs up|down
import { ensurePostgres } from '../deploy/postgres/postgres.mjs';
import { ensureKafka, ensureTopics, stopKafka } from '../deploy/kafka/broker.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function infraUp({ log = console.log } = {}) {
  const [pg, kafka] = await Promise.all([ensurePostgres({ log }), ensureKafka({ log })]);
  await ensureTopics(kafka.brokers, { log });
  return { postgres: pg.server, brokers: kafka.brokers, startedKafka: kafka.started };
}

export { stopKafka };

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const cmd = process.argv[2] ?? 'up';
  (cmd === 'down' ? stopKafka() : infraUp()).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
