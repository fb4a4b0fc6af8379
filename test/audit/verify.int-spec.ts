import { testKafka } from '@kompeten/testing';
import {
  auditFixture,
  AuditFixture,
  copyTopic,
  deleteRow,
  positionOf,
  tamper,
  wholeTopic,
} from './support/audit-fixture';
import { audit, auditJson } from './support/audit-cli';
import { firstPhase, secondPhase } from './support/enrolment-log';
import type { VerifyReport } from './support/reports';

// `audit verify` against a real event store and a real topic, then against tampered copies of each.
describe('audit verify', () => {
  const kafka = testKafka('audit-verify');
  let f: AuditFixture;
  let head: { position: number; hash: string };
  const verify = (topic = f.topic) =>
    auditJson<VerifyReport>(['verify', '--service', 'enrolment', '--database-url', f.db.url, '--topic', topic]);

  beforeAll(async () => {
    f = await auditFixture(kafka, 'audit_verify');
    await secondPhase(f.store, 'komunikasi', await firstPhase(f.store, 'komunikasi', 8));
    await f.relayAll();
    head = await f.store.head();
  }, 120_000);
  afterAll(() => f.close());

  it('passes on an untouched log: the same count and head hash from the store and from Kafka, and they agree', async () => {
    const { code, report } = await verify();
    expect(code).toBe(0);
    const [enrolment] = report.services;
    expect(enrolment).toMatchObject({
      service: 'enrolment',
      ok: true,
      store: { count: head.position, headPosition: head.position, headHash: head.hash, headAgrees: true, ok: true },
      kafka: {
        count: head.position,
        headPosition: head.position,
        headHash: head.hash,
        relayCheckpoint: head.position,
        ok: true,
      },
      agreement: { agree: true, comparedAt: head.position, kafkaBehindBy: 0 },
    });
    expect(enrolment.store.firstBreak).toBeUndefined();
    const text = await audit(['verify', '--service', 'enrolment', '--database-url', f.db.url, '--topic', f.topic]);
    expect(text.stdout).toContain('enrolment: OK');
    expect(text.stdout).toContain(`head ${head.position} ${head.hash.slice(0, 16)}`);
  });

  it('names the exact position of a row whose payload was altered in Postgres', async () => {
    const [{ payload }] = await f.ds.query<{ payload: unknown }[]>('select payload from es_event where position = 7');
    await tamper(f.ds, `update es_event set payload = jsonb_set(payload, '{sessionId}', '"s9"') where position = 7`);
    try {
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.services[0].store).toMatchObject({
        ok: false,
        count: 6,
        firstBreak: { position: 7, reason: 'hash-mismatch' },
      });
      expect(report.services[0].kafka.ok).toBe(true); // the second copy is intact …
      expect(report.services[0].agreement).toMatchObject({ agree: false, comparedAt: 6 }); // … and says what the store lost
    } finally {
      await tamper(f.ds, 'update es_event set payload = $1 where position = 7', [JSON.stringify(payload)]);
    }
    expect((await verify()).code).toBe(0);
  });

  it('names the exact position of a row deleted from Postgres', async () => {
    const restore = await deleteRow(f.ds, 12);
    try {
      const { code, report } = await verify();
      expect(code).toBe(1);
      expect(report.services[0].store).toMatchObject({
        ok: false,
        count: 11,
        firstBreak: { position: 12, reason: 'missing' },
      });
    } finally {
      await restore();
    }
    expect((await verify()).code).toBe(0);
  });

  it('notices that the last event was deleted, though nothing after it fails to link: es_head still names it', async () => {
    const restore = await deleteRow(f.ds, head.position);
    try {
      const { code, report } = await auditJson<VerifyReport>([
        'verify',
        '--service',
        'enrolment',
        '--database-url',
        f.db.url,
        '--copies',
        'store',
      ]);
      expect(code).toBe(1);
      expect(report.services[0].store).toMatchObject({
        ok: false,
        headAgrees: false,
        firstBreak: { position: head.position, reason: 'missing' },
      });
    } finally {
      await restore();
    }
  });

  it('names the exact position of a message missing from Kafka, and takes the relay’s re-sent duplicates in its stride', async () => {
    const messages = await wholeTopic(kafka, f.topic);
    expect(messages).toHaveLength(head.position);
    const resent = messages.filter((m) => [3, 4].includes(positionOf(m)));
    const withoutNine = await copyTopic(kafka, 'audit-missing', [
      ...messages.filter((m) => positionOf(m) !== 9),
      ...resent,
    ]);
    const { code, report } = await verify(withoutNine);
    expect(code).toBe(1);
    expect(report.services[0].store.ok).toBe(true);
    expect(report.services[0].kafka).toMatchObject({
      ok: false,
      count: 8,
      firstBreak: { position: 9, reason: 'missing' },
      findings: { conflictingDuplicates: [] },
    });

    const duplicatesOnly = await copyTopic(kafka, 'audit-dup', [...messages, ...resent]);
    const again = await verify(duplicatesOnly);
    expect(again.code).toBe(0);
    expect(again.report.services[0].kafka).toMatchObject({
      ok: true,
      count: head.position,
      findings: { messages: head.position + 2, duplicates: 2 },
    });
  });

  it('reports a second copy of a position that differs from the first, and a message that is not an event', async () => {
    const messages = await wholeTopic(kafka, f.topic);
    const five = messages.find((m) => positionOf(m) === 5)!;
    const forged = { ...five, value: JSON.stringify({ ...JSON.parse(five.value!), payload: { forged: true } }) };
    const topic = await copyTopic(kafka, 'audit-forged', [...messages, forged, { ...five, value: 'not an event' }]);
    const { code, report } = await verify(topic);
    expect(code).toBe(1);
    expect(report.services[0].kafka.count).toBe(head.position); // the chain itself is whole
    expect(report.services[0].kafka.findings.conflictingDuplicates).toEqual([
      expect.objectContaining({ position: 5, partition: five.partition }),
    ]);
    expect(report.services[0].kafka.findings.undecodable).toEqual([
      expect.objectContaining({ partition: five.partition }),
    ]);
  });

  it('finds events the relay has published missing from the end of the topic (the relay’s checkpoint says how far Kafka must reach)', async () => {
    const messages = await wholeTopic(kafka, f.topic);
    const topic = await copyTopic(
      kafka,
      'audit-short',
      messages.filter((m) => positionOf(m) < head.position - 1),
    );
    const { code, report } = await verify(topic);
    expect(code).toBe(1);
    expect(report.services[0].kafka).toMatchObject({
      ok: false,
      firstBreak: { position: head.position - 1, reason: 'missing' },
    });
  });
});
