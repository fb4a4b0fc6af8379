import type { Kafka, KafkaMessage } from 'kafkajs';
import { randomBytes } from 'node:crypto';

/** Where a topic ends now; read from here to see only what a test produced. */
export async function topicEnd(kafka: Kafka, topic: string): Promise<Map<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.offset]));
  } finally {
    await admin.disconnect();
  }
}

export interface TailedMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the given offsets until `done(messages)` is true (or the timeout), with a
 * throwaway consumer group. Real broker, real consumer: nothing here is mocked.
 */
export async function tailTopic(
  kafka: Kafka,
  topic: string,
  from: Map<number, string>,
  done: (messages: TailedMessage[]) => boolean,
  timeoutMs = 30000,
): Promise<TailedMessage[]> {
  const consumer = kafka.consumer({ groupId: `test-tail-${randomBytes(6).toString('hex')}` });
  const messages: TailedMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: false });
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const toText = (m: KafkaMessage) =>
      Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)]));
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        messages.push({
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: toText(message),
        });
        if (done(messages)) finish();
        return Promise.resolve();
      },
    });
    for (const [partition, offset] of from) consumer.seek({ topic, partition, offset });
    const timer = setTimeout(finish, timeoutMs);
    await finished;
    clearTimeout(timer);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
