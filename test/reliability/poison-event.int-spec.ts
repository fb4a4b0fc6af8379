import { deadLetterTopic, eventTopic, type FundsCommitted } from '@kompeten/contracts';
import type { EventRecord } from '@kompeten/event-store';
import { eventually, tailTopic, TestDatabase, topicEnd } from '@kompeten/testing';
import { post } from './support/command-stream';
import { Db, openDb, processedIds } from './support/db';
import { recordFigures } from './support/figures';
import { foreignBudget } from './support/foreign-budget';
import { nipsForRun, programmeBody, runTag, staffBody } from './support/mothers';
import { privateKafka, startPrivateBroker } from './support/private-broker';
import { testDatabases } from './support/private-postgres';
import { metricValue, ServiceProcess, startService, waitReady } from './support/service-process';

// Messages nobody can apply arrive on the budget topic ahead of a good FundsCommitted, on the same
// partition. The enrolment service's saga consumer parks each on the dead-letter topic with the
// reason and where it came from, and goes on to confirm the enrolment with the good one.
describe('poison messages on a topic a service consumes', () => {
  const tag = runTag();
  const nip = nipsForRun()(0);
  const programmeId = `rel-poison-${tag.toLowerCase()}`;
  let db: TestDatabase;
  let enrolment: ServiceProcess;
  let sql: Db;

  beforeAll(async () => {
    await startPrivateBroker();
    db = await (await testDatabases())('rel_poison');
    enrolment = await startService('enrolment', { DATABASE_URL: db.url });
    await waitReady(enrolment);
    sql = openDb(db.url);
  }, 180_000);
  afterAll(async () => {
    await enrolment?.stop();
    await sql?.close();
    await db?.drop();
  });

  it('are parked on the dead-letter topic with the reason, and the good event behind them is applied', async () => {
    expect(
      (await post(`${enrolment.url}/programmes`, programmeBody(programmeId, `REL-${tag}`, 'reliability'))).status,
    ).toBe(201);
    expect((await post(`${enrolment.url}/staff`, staffBody(nip, `REL-${tag}`))).status).toBe(201);
    expect((await post(`${enrolment.url}/programmes/${programmeId}/enrolments`, { nip })).status).toBe(201);
    const [{ enrolment_id: enrolmentId }] = await eventually(async () => {
      const rows = await sql.rows<{ enrolment_id: string }>(
        'select enrolment_id from enrolment_history where nip = $1',
        [nip],
      );
      return rows.length ? rows : undefined;
    });

    const budget = await foreignBudget();
    const streamId = `budget-2026-REL-${tag}-APBD`;
    const good = await budget.message(streamId, {
      type: 'FundsCommitted',
      data: {
        budgetId: `2026-REL-${tag}-APBD`,
        allocationId: 'area-reliability',
        commitmentId: `c-${tag}`,
        enrolmentId,
        programmeId,
        nip,
        opd: `REL-${tag}`,
        amount: 1000,
      },
    });
    // The same event as a schema version this service has never heard of (a newer budget service wrote it).
    // A message's value is the event record as stored.
    const record = (m: { value: string }) => JSON.parse(m.value) as EventRecord;
    const fromTheFuture = await budget.message(streamId, {
      type: 'FundsCommitted',
      data: record(good).payload as FundsCommitted['data'],
    });
    const future = { ...record(fromTheFuture), schemaVersion: 2 };
    await budget.stop();
    const poison = [
      { reason: 'not-json', message: { key: streamId, value: '{"eventId": "half a record', headers: {} } },
      { reason: 'invalid-record', message: { key: streamId, value: JSON.stringify({ hello: 'world' }), headers: {} } },
      { reason: 'empty-value', message: { key: streamId, value: null, headers: {} } },
      {
        reason: 'unknown-schema-version',
        message: {
          ...fromTheFuture,
          value: JSON.stringify(future),
          headers: { ...fromTheFuture.headers, 'schema-version': '2' },
        },
      },
    ];

    const kafka = privateKafka();
    const topic = eventTopic('budget');
    const dlqFrom = await topicEnd(kafka, deadLetterTopic(topic));
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic, messages: [...poison.map((p) => p.message), good] });
    await producer.disconnect();

    const parked = await tailTopic(
      kafka,
      deadLetterTopic(topic),
      dlqFrom,
      (m) => m.filter((x) => x.headers['dlq-consumer'] === 'enrolment.budget-answers').length >= poison.length,
      60_000,
    );
    const ours = parked.filter(
      (x) =>
        x.headers['dlq-consumer'] === 'enrolment.budget-answers' &&
        x.headers['dlq-source-partition'] === String(sent.partition),
    );
    expect(ours.map((x) => x.headers['dlq-reason'])).toEqual(poison.map((p) => p.reason));
    const firstOffset = BigInt(sent.baseOffset!);
    expect(ours.map((x) => x.headers['dlq-source-offset'])).toEqual(
      poison.map((_, i) => String(firstOffset + BigInt(i))),
    );
    for (const x of ours) expect(x.headers['dlq-error']).toBeTruthy();
    expect(ours[3].value).toBe(poison[3].message.value); // parked byte for byte, to be replayed once an upcaster exists

    const goodId = record(good).eventId;
    await eventually(
      async () => ((await processedIds(sql, 'enrolment.budget-answers')).includes(goodId) ? true : undefined),
      60_000,
      250,
    );
    const [row] = await eventually(async () => {
      const rows = await sql.rows<{ status: string }>(
        `select status from enrolment_history where enrolment_id = $1 and status = 'confirmed'`,
        [enrolmentId],
      );
      return rows.length ? rows : undefined;
    }, 30_000);
    expect(row.status).toBe('confirmed');
    const deadLettered = metricValue(await enrolment.metrics(), 'kompeten_consumer_events', {
      consumer: 'enrolment.budget-answers',
      outcome: 'dead-lettered',
    });
    recordFigures('poison-event', {
      poisonSent: poison.length,
      deadLettered: ours.length,
      reasons: ours.map((x) => x.headers['dlq-reason']),
      consumerMetricDeadLettered: deadLettered,
      goodSent: 1,
      goodApplied: 1,
    });
    expect(deadLettered).toBe(poison.length);
  }, 180_000);
});
