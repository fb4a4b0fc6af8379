// Lets `npx jest` work on its own too: Postgres, the per-service databases, the broker and its
// topics are made sure of (reused when already up; `npm test` has normally done this already).
// Topics earlier runs created for single tests (`test.<label>.<epoch ms>.<hex>`) are deleted once
// they are two hours old, so a developer's broker does not collect hundreds of them — never a
// younger one, which may belong to a run going on right now.
import { infraUp } from '../scripts/infra.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default async function globalSetup() {
  const { brokers } = await infraUp({ log: () => {} });
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({ clientId: 'kompeten-test-setup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const cutoff = Date.now() - 2 * 3600_000;
    const stale = (await admin.listTopics()).filter((t) => {
      const stamp = Number(t.split('.').find((part) => /^\d{13}$/.test(part)));
      return t.startsWith('test.') && stamp > 0 && stamp < cutoff;
    });
    if (stale.length) await admin.deleteTopics({ topics: stale, timeout: 30000 });
  } finally {
    await admin.disconnect();
  }
}
