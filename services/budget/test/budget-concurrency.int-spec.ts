import { DataSource, QueryRunner } from 'typeorm';
import { eventTopic, type BudgetEvent } from '@kompeten/contracts';
import { EventStore, fold } from '@kompeten/event-store';
import { EventConsumer, MESSAGING_WORKERS, type MessagingWorker } from '@kompeten/messaging';
import { eventually, httpOf } from '@kompeten/testing';
import { budgetDecider } from '../src/budget/budget.decider';
import { reactToEnrolmentEvent } from '../src/reactions/enrolment-events.reaction';
import { BudgetApp, startBudgetApp, uniqueOpd } from './budget-app';
import { asStored, fakeEnrolment, laterEvent, staffEnrolled } from './enrolment-events';

const COST = 1_500_000;
const FITS = 7;
const FIRED = 30;

/** Commitments race for an allocation that fits exactly seven. */
async function nearlyExhaustedBudget(app: BudgetApp, label: string) {
  const opd = uniqueOpd(label);
  const http = () => httpOf(app.app);
  await http().post('/budgets').send({ fiscalYear: 2026, opd, fundingSource: 'APBD', ceiling: 50_000_000 }).expect(201);
  await http()
    .post(`/budgets/2026-${opd}-APBD/allocations`)
    .send({ competencyArea: 'patient-management', amount: FITS * COST + COST - 1 })
    .expect(201);
  return { opd, streamId: `budget-2026-${opd}-APBD` };
}

/** Exactly seven committed, every other enrolment rejected with its reason, and at no version did the stream overspend. */
async function expectSevenOfThirty(store: EventStore, streamId: string, enrolmentIds: string[]) {
  const stream = await store.readStream<BudgetEvent>(streamId);
  const answers = stream.filter((e) => e.type === 'FundsCommitted' || e.type === 'CommitmentRejected');
  expect(answers.filter((e) => e.type === 'FundsCommitted')).toHaveLength(FITS);
  const rejections = answers.filter((e) => e.type === 'CommitmentRejected');
  expect(rejections).toHaveLength(FIRED - FITS);
  for (const r of rejections)
    expect(r.data).toMatchObject({
      reason: 'allocation-exhausted',
      // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
      detail: expect.stringContaining('area-patient-management has 1499999 free') as unknown,
    });
  expect(answers.map((e) => (e.data as { enrolmentId: string }).enrolmentId).sort()).toEqual([...enrolmentIds].sort());
  for (let v = 1; v <= stream.length; v++) {
    const s = fold(
      budgetDecider,
      stream.slice(0, v).map(({ type, data }) => ({ type, data }) as BudgetEvent),
    );
    for (const a of Object.values(s.allocations)) expect(a.committed + a.spent).toBeLessThanOrEqual(a.amount);
  }
}

async function inTransaction(ds: DataSource, work: (tx: QueryRunner) => Promise<void>) {
  const tx = ds.createQueryRunner();
  await tx.connect();
  await tx.startTransaction();
  try {
    await work(tx);
    await tx.commitTransaction();
  } catch (e) {
    await tx.rollbackTransaction();
    throw e;
  } finally {
    await tx.release();
  }
}

describe('commitments racing for a nearly exhausted budget', () => {
  let a: BudgetApp;
  let b: BudgetApp;
  let store: EventStore;

  beforeAll(async () => {
    a = await startBudgetApp();
    // A second replica on the same database: the consumer group splits the partitions between them.
    b = await startBudgetApp(a.db);
    store = a.app.get(EventStore);
  });
  afterAll(async () => {
    await b.close();
    await a.stop();
  });

  it.each([1, 2, 3, 4, 5])(
    '30 parallel reactions in 30 transactions: exactly 7 committed, 23 rejected (round %i)',
    async () => {
      const { opd, streamId } = await nearlyExhaustedBudget(a, 'RACE');
      const events = Array.from({ length: FIRED }, (_, i) => staffEnrolled(opd, i));
      const react = reactToEnrolmentEvent(store);
      const ds = a.app.get(DataSource);
      await Promise.all(events.map((e) => inTransaction(ds, (tx) => react(asStored(e), tx))));
      await expectSevenOfThirty(
        store,
        streamId,
        events.map((e) => e.enrolmentId),
      );
      // Redelivered (as if msg_processed had lost them): the decider answers each enrolment once.
      const version = await store.streamVersion(streamId);
      await Promise.all(events.map((e) => inTransaction(ds, (tx) => react(asStored(e), tx))));
      expect(await store.streamVersion(streamId)).toBe(version);
    },
  );

  it.each([1, 2, 3])(
    '30 enrolment events through Kafka to two replicas: exactly 7 committed, 23 rejected (round %i)',
    async () => {
      const enrolment = await fakeEnrolment();
      try {
        const { opd, streamId } = await nearlyExhaustedBudget(a, 'KAFKA');
        const events = Array.from({ length: FIRED }, (_, i) => staffEnrolled(opd, i));
        await enrolment.publish(events);
        await eventually(
          async () => ((await store.readStream(streamId)).length >= 2 + FIRED ? true : undefined),
          30000,
        );
        await expectSevenOfThirty(
          store,
          streamId,
          events.map((e) => e.enrolmentId),
        );
      } finally {
        await enrolment.stop();
      }
    },
  );

  it.each([1, 2, 3])(
    'money freed in parallel goes to the line in order, exactly once, across redeliveries and a crash (round %i)',
    async () => {
      const { opd, streamId } = await nearlyExhaustedBudget(a, 'LINE');
      const events = Array.from({ length: FIRED }, (_, i) => staffEnrolled(opd, i));
      const react = reactToEnrolmentEvent(store);
      const ds = a.app.get(DataSource);
      const handle = (e: Parameters<typeof asStored>[0]) => inTransaction(ds, (tx) => react(asStored(e), tx));
      await Promise.all(events.map(handle));
      const log = await store.readStream<BudgetEvent>(streamId);
      const byId = new Map(events.map((e) => [e.enrolmentId, e]));
      const idsOf = (type: string) =>
        log.filter((e) => e.type === type).map((e) => (e.data as { enrolmentId: string }).enrolmentId);
      const first = idsOf('FundsCommitted');
      const line = idsOf('CommitmentRejected');
      expect([first.length, line.length]).toEqual([FITS, FIRED - FITS]);

      // A crash after deciding: the transaction rolls back, and neither the events nor the index survive.
      const version = await store.streamVersion(streamId);
      await expect(
        inTransaction(ds, async (tx) => {
          await react(asStored(laterEvent.withdrawn(byId.get(first[0])!)), tx);
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect(await store.streamVersion(streamId)).toBe(version);

      // In parallel: the seven committed withdraw (each release commits the next in line), three in line
      // withdraw, an officer raises the allocation by two participants, and every StaffEnrolled is redelivered.
      const leaving = [line[0], line[5], line[10]];
      const work = () => [
        ...[...first, ...leaving].map((id) => handle(laterEvent.withdrawn(byId.get(id)!))),
        ...events.map(handle),
      ];
      await Promise.all([
        ...work(),
        httpOf(a.app)
          .post(`/budgets/2026-${opd}-APBD/allocations/area-patient-management/revisions`)
          .send({ amount: (FITS + 2) * COST + COST - 1 })
          .expect(201),
      ]);
      const after = await store.readStream<BudgetEvent>(streamId);
      const open = fold(
        budgetDecider,
        after.map(({ type, data }) => ({ type, data }) as BudgetEvent),
      );
      // Whatever the interleaving: the first nine still in line hold the money, in line order, each committed once.
      const stillInLine = line.filter((id) => !leaving.includes(id));
      const holding = Object.values(open.commitments)
        .filter((c) => c.status === 'open')
        .map((c) => c.enrolmentId);
      expect(holding.sort()).toEqual(stillInLine.slice(0, FITS + 2).sort());
      expect(open.waiting.map((w) => w.enrolmentId)).toEqual(stillInLine.slice(FITS + 2));
      const committedTo = after
        .filter((e) => e.type === 'FundsCommitted')
        .map((e) => (e.data as { enrolmentId: string }).enrolmentId);
      expect(committedTo.filter((id) => stillInLine.includes(id))).toEqual(stillInLine.slice(0, FITS + 2));
      expect(new Set(committedTo).size).toBe(committedTo.length);
      for (let v = 1; v <= after.length; v++) {
        const s = fold(
          budgetDecider,
          after.slice(0, v).map(({ type, data }) => ({ type, data }) as BudgetEvent),
        );
        for (const x of Object.values(s.allocations)) expect(x.committed + x.spent).toBeLessThanOrEqual(x.amount);
      }

      // Everything redelivered once more (as if msg_processed had lost it all): nothing changes.
      const settled = await store.streamVersion(streamId);
      await Promise.all(work());
      expect(await store.streamVersion(streamId)).toBe(settled);
    },
  );

  it('had both replicas consuming: the group split the enrolment topic between them', () => {
    const assigned = (app: BudgetApp) => {
      const consumer = app.app
        .get<MessagingWorker[]>(MESSAGING_WORKERS)
        .find((w): w is EventConsumer => w instanceof EventConsumer)!;
      return consumer.stats().assignment[eventTopic('enrolment')] ?? [];
    };
    expect(assigned(a).length).toBeGreaterThan(0);
    expect(assigned(b).length).toBeGreaterThan(0);
    expect([...assigned(a), ...assigned(b)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
