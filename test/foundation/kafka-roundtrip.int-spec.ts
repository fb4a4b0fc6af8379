import { createTestTopics, testKafka, uniqueName } from '@kompeten/testing';
import { TOPICS } from '@kompeten/contracts';

describe('the real Kafka broker', () => {
  const kafka = testKafka('foundation-roundtrip');

  it('carries a message from a producer to a consumer, key and headers intact', async () => {
    const topic = uniqueName('roundtrip');
    await createTestTopics(kafka, [topic], 1);
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: uniqueName('group') });
    await Promise.all([producer.connect(), consumer.connect()]);
    try {
      const sent = {
        key: 'staff-198609262015051001',
        value: JSON.stringify({ hello: 'Bukittinggi' }),
        headers: { type: 'Ping' },
      };
      await producer.send({ topic, messages: [sent] });
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = await new Promise<{ key: string; value: string; type: string }>((resolve) => {
        void consumer.run({
          eachMessage: ({ message }) => {
            resolve({ key: String(message.key), value: String(message.value), type: String(message.headers?.type) });
            return Promise.resolve();
          },
        });
      });
      expect(received).toEqual({ key: sent.key, value: sent.value, type: 'Ping' });
    } finally {
      await Promise.all([producer.disconnect(), consumer.disconnect()]);
    }
  });

  it('has every topic the contracts declare, with events kept forever', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      for (const t of TOPICS) expect(existing).toContain(t.name);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: TOPICS.map((t) => ({ type: 2, name: t.name, configNames: ['retention.ms'] })),
      });
      for (const r of resources)
        expect(r.configEntries.find((c) => c.configName === 'retention.ms')?.configValue).toBe('-1');
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses to auto-create a topic nobody declared', async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: true, retry: { retries: 1 } });
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: uniqueName('undeclared'), messages: [{ value: 'x' }], timeout: 3000 }),
      ).rejects.toThrow();
    } finally {
      await producer.disconnect();
    }
  });
});
