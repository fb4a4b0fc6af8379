/**
 * Runs one outbox relay as its own process, for operators (e.g. to drain a backlog while the service
 * is down) and for the crash tests. From the repository root, after `npm run build`:
 *
 *   DATABASE_URL=postgres://…/kompeten_enrolment KAFKA_BROKERS=127.0.0.1:9092 \
 *   TOPIC=kompeten.enrolment.events RELAY_NAME=enrolment \
 *   node -r ./deploy/register-paths.cjs dist/libs/messaging/src/cli/run-relay.js
 *
 * Optional: RELAY_BATCH_SIZE, RELAY_MAX_BATCH_BYTES, RELAY_POLL_INTERVAL_MS. Exits 78 on a missing setting; SIGTERM/SIGINT
 * stop it after the batch in flight. Another relay with the same name (e.g. the service) may run:
 * only one leads at a time.
 */
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay';
import type { MessagingLogger } from '../shared/messaging-logger';

const REQUIRED = ['DATABASE_URL', 'KAFKA_BROKERS', 'TOPIC', 'RELAY_NAME'] as const;

const line = (level: string) => (msg: string) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg })}\n`);
const logger: MessagingLogger = { log: line('info'), warn: line('warn'), error: line('error') };

async function main(): Promise<void> {
  const missing = REQUIRED.filter((k) => !process.env[k]);
  const optionalNumber = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);
  const invalid = ['RELAY_BATCH_SIZE', 'RELAY_MAX_BATCH_BYTES', 'RELAY_POLL_INTERVAL_MS'].filter((k) => {
    const n = optionalNumber(k);
    return n !== undefined && !(Number.isInteger(n) && n > 0);
  });
  if (missing.length || invalid.length) {
    logger.error(`missing settings: ${missing.join(', ') || 'none'}; invalid: ${invalid.join(', ') || 'none'}`);
    process.exit(78);
  }
  const env = process.env as Record<(typeof REQUIRED)[number], string>;
  const relay = new OutboxRelay({
    dataSource: new DataSource({ type: 'postgres', url: env.DATABASE_URL }),
    kafka: new Kafka({
      clientId: `kompeten-relay-${env.RELAY_NAME}`,
      brokers: env.KAFKA_BROKERS.split(','),
      logLevel: logLevel.WARN,
    }),
    topic: env.TOPIC,
    name: env.RELAY_NAME,
    logger,
    batchSize: optionalNumber('RELAY_BATCH_SIZE'),
    maxBatchBytes: optionalNumber('RELAY_MAX_BATCH_BYTES'),
    pollIntervalMs: optionalNumber('RELAY_POLL_INTERVAL_MS'),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await relay.stop();
    logger.log(
      `relay ${env.RELAY_NAME} stopped cleanly after ${signal} at position ${relay.stats().lastRelayedPosition}`,
    );
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await relay.start();
  logger.log(`relay ${env.RELAY_NAME} started for ${env.TOPIC}`);
}

main().catch((e) => {
  logger.error(`relay failed to start: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
