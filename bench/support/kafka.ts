import { readdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export function benchKafka(clientId = 'kompeten-bench'): Kafka {
  return new Kafka({
    clientId,
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 100 },
  });
}

/**
 * Fresh topics named `bench.*` (tests delete `test.*` topics at start-up, so a concurrent test run
 * must not be able to delete a benchmark's topic); `drop()` deletes them.
 */
export async function benchTopics(
  kafka: Kafka,
  labels: string[],
  partitions = 3,
): Promise<{ names: string[]; drop(): Promise<void> }> {
  const suffix = `${Date.now().toString(36)}.${randomBytes(3).toString('hex')}`;
  const names = labels.map((l) => `bench.${l}.${suffix}`);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
  return {
    names,
    async drop() {
      const a = kafka.admin();
      await a.connect();
      try {
        await a.deleteTopics({ topics: names, timeout: 30_000 });
      } catch {
        // best effort: a topic left behind is named bench.* and harmless
      } finally {
        await a.disconnect();
      }
    },
  };
}

/** The broker's version, from the jars of the project's own broker (the one `npm run kafka` starts). */
export function brokerVersion(): string {
  try {
    // deploy/kafka/broker.mjs keeps a broker on another port in .cache/kafka-<port>.
    const port = Number(process.env.KOMPETEN_KAFKA_PORT ?? 9092);
    const libs = path.resolve(
      process.env.KOMPETEN_KAFKA_CACHE ?? (port === 9092 ? '.cache/kafka' : `.cache/kafka-${port}`),
      'libs',
    );
    const jar = readdirSync(libs).find((f) => /^kafka-server-\d/.test(f));
    return jar
      ? `Apache Kafka ${jar.replace(/^kafka-server-|\.jar$/g, '')} (single KRaft node, ${BROKERS.join(',')})`
      : 'unknown';
  } catch {
    return 'unknown';
  }
}
