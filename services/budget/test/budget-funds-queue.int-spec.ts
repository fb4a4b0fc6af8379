import { DataSource } from 'typeorm';
import type { BudgetEvent, ProgrammeEvent, StaffEnrolled } from '@kompeten/contracts';
import { EventStore, type StoredEvent } from '@kompeten/event-store';
import { inTransaction } from '@kompeten/messaging';
import { eventually, httpOf } from '@kompeten/testing';
import type { BudgetView } from '../src/queries/get-budget/get-budget.handler';
import { reactToEnrolmentEvent } from '../src/reactions/enrolment-events.reaction';
import { BudgetApp, startBudgetApp, uniqueOpd } from './budget-app';
import { asStored, fakeEnrolment, laterEvent, staffEnrolled } from './enrolment-events';

const COST = 1_500_000;

// The funds queue through the real service on the real Postgres: enrolment events go through the
// consumer's reaction in a transaction of their own (as the consumer runs it), officers through HTTP;
// the last test takes the whole way through the real broker.
describe('the funds queue of a budget', () => {
  let budget: BudgetApp;
  let store: EventStore;
  const http = () => httpOf(budget.app);

  beforeAll(async () => {
    budget = await startBudgetApp();
    store = budget.app.get(EventStore);
  });
  afterAll(() => budget.stop());

  /** As the consumer handles one enrolment event: the reaction and its appends in one transaction. */
  const react = (event: StaffEnrolled['data'] | ProgrammeEvent) =>
    inTransaction(budget.app.get(DataSource), (tx) => reactToEnrolmentEvent(store)(asStored(event), tx));

  /** A unit's budget whose area allocation pays `fits` participants of one programme. */
  async function unitBudget(label: string, fits: number, fiscalYear = 2026) {
    const opd = uniqueOpd(label);
    const budgetId = `${fiscalYear}-${opd}-APBD`;
    await http().post('/budgets').send({ fiscalYear, opd, fundingSource: 'APBD', ceiling: 50_000_000 }).expect(201);
    await http()
      .post(`/budgets/${budgetId}/allocations`)
      .send({ competencyArea: 'patient-management', amount: fits * COST })
      .expect(201);
    const programmeId = `${opd.toLowerCase()}-kom`;
    const enrolment = (i: number, over: Partial<StaffEnrolled['data']> = {}) =>
      staffEnrolled(opd, i, { programmeId, year: fiscalYear, ...over });
    return { opd, budgetId, streamId: `budget-${budgetId}`, programmeId, enrolment };
  }
  const since = async (streamId: string, version: number) =>
    (await store.readStream<BudgetEvent>(streamId)).slice(version);
  const answers = (events: StoredEvent<BudgetEvent>[]) =>
    events.map((e) => `${e.type} ${(e.data as { enrolmentId?: string }).enrolmentId ?? ''}`.trim());
  /** GET /budgets/:id once its read models (updated each on its own) all show `ready`; fails when they never do. */
  const view = (budgetId: string, ready: (v: BudgetView) => boolean) =>
    eventually(async () => {
      const v = (await http().get(`/budgets/${budgetId}`)).body as BudgetView;
      return ready(v) ? v : undefined;
    });

  it('puts requests refused for want of money in line and, when the allocation is raised, commits the first in line', async () => {
    const { budgetId, streamId, enrolment } = await unitBudget('QUEUE', 1);
    const [a, b, c] = [0, 1, 2].map((i) => enrolment(i));
    for (const e of [a, b, c]) await react(e);
    const rejected = (await store.readStream<BudgetEvent>(streamId)).filter((e) => e.type === 'CommitmentRejected');
    expect(rejected.map((e) => e.data)).toEqual([
      expect.objectContaining({ enrolmentId: b.enrolmentId, attempt: 1, reason: 'allocation-exhausted' }),
      expect.objectContaining({ enrolmentId: c.enrolmentId, attempt: 1, reason: 'allocation-exhausted' }),
    ]);
    expect(await view(budgetId, (v) => v.waiting === 2 && v.rejections === 2)).toMatchObject({ committed: COST });

    const version = await store.streamVersion(streamId);
    const revised = await http()
      .post(`/budgets/${budgetId}/allocations/area-patient-management/revisions`)
      .send({ amount: 2 * COST })
      .expect(201);
    expect(revised.body).toMatchObject({ events: ['AllocationRevised', 'FundsCommitted'] });
    expect(answers(await since(streamId, version))).toEqual(['AllocationRevised', `FundsCommitted ${b.enrolmentId}`]);
    expect(await view(budgetId, (v) => v.waiting === 1 && v.committed === 2 * COST)).toMatchObject({ free: 0 });

    // The commitment made over HTTP is indexed with it: b's withdrawal finds and releases it, and c gets the money.
    const before = await store.streamVersion(streamId);
    await react(laterEvent.withdrawn(b));
    expect(answers(await since(streamId, before))).toEqual([
      `FundsReleased ${b.enrolmentId}`,
      `FundsCommitted ${c.enrolmentId}`,
    ]);
  });

  it('takes a request out of line on withdrawal, decides a re-request again behind those waiting, and empties the line on cancellation', async () => {
    const { budgetId, streamId, programmeId, enrolment } = await unitBudget('LINE', 1);
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => enrolment(i));
    for (const e of [a, b, c, d]) await react(e);

    let version = await store.streamVersion(streamId);
    await react(laterEvent.withdrawn(b));
    await react(laterEvent.reRequested(c));
    const moved = await since(streamId, version);
    expect(answers(moved)).toEqual([
      `FundsRequestWithdrawn ${b.enrolmentId}`,
      `FundsRequestWithdrawn ${c.enrolmentId}`,
      `CommitmentRejected ${c.enrolmentId}`,
    ]);
    expect(moved.map((e) => (e.data as { reason: string }).reason)).toEqual([
      'withdrawn',
      're-requested',
      'allocation-exhausted',
    ]);
    expect((moved[2].data as { detail: string }).detail).toMatch(/number 2 in line/);

    // The next money goes to d, who waited longer than c's re-request.
    version = await store.streamVersion(streamId);
    await http()
      .post(`/budgets/${budgetId}/allocations/area-patient-management/revisions`)
      .send({ amount: 2 * COST })
      .expect(201);
    expect(answers(await since(streamId, version))).toEqual(['AllocationRevised', `FundsCommitted ${d.enrolmentId}`]);

    version = await store.streamVersion(streamId);
    await react(laterEvent.cancelled(programmeId));
    expect(answers(await since(streamId, version))).toEqual([
      `FundsRequestWithdrawn ${c.enrolmentId}`,
      `FundsReleased ${a.enrolmentId}`,
      `FundsReleased ${d.enrolmentId}`,
    ]);
    expect(await view(budgetId, (v) => v.waiting === 0 && v.committed === 0 && v.free === 2 * COST)).toBeDefined();
  });

  it('releases money committed to an enrolment whose seat went meanwhile (waitlisted for capacity) to the next in line; a funds waitlisting releases nothing', async () => {
    const { streamId, enrolment } = await unitBudget('SEAT', 1);
    const [a, b] = [0, 1].map((i) => enrolment(i));
    await react(a);
    await react(b);
    let version = await store.streamVersion(streamId);
    // b's funds waitlisting answers our rejection; a commitment open by then came from the queue and must stay.
    await react(laterEvent.waitlisted(a, 'funds'));
    expect(await store.streamVersion(streamId)).toBe(version);

    await react(laterEvent.waitlisted(a, 'capacity'));
    const moved = await since(streamId, version);
    expect(answers(moved)).toEqual([`FundsReleased ${a.enrolmentId}`, `FundsCommitted ${b.enrolmentId}`]);
    expect(moved[0].data).toMatchObject({ reason: 'waitlisted' });

    // When a gets a seat again, its next request is decided (and waits: the money went to b).
    version = await store.streamVersion(streamId);
    await react({ ...a, attempt: 2 });
    expect(answers(await since(streamId, version))).toEqual([`CommitmentRejected ${a.enrolmentId}`]);
  });

  it('charges a December enrolment for a January course to next year’s budget, and its withdrawal releases there', async () => {
    const thisYear = await unitBudget('YEARS', 1, 2026);
    const opd = thisYear.opd;
    const next = { budgetId: `2027-${opd}-APBD`, streamId: `budget-2027-${opd}-APBD` };
    await http()
      .post('/budgets')
      .send({ fiscalYear: 2027, opd, fundingSource: 'APBD', ceiling: 50_000_000 })
      .expect(201);
    await http()
      .post(`/budgets/${next.budgetId}/allocations`)
      .send({ competencyArea: 'patient-management', amount: COST })
      .expect(201);
    const december = thisYear.enrolment(0, { year: 2027, enrolledOn: '2026-12-10' });
    const sameYear = thisYear.enrolment(1, { year: 2026, enrolledOn: '2026-12-10' });
    const alsoNextYear = thisYear.enrolment(2, { year: 2027, enrolledOn: '2026-12-11' });
    for (const e of [december, sameYear, alsoNextYear]) await react(e);

    expect(answers(await since(next.streamId, 2))).toEqual([
      `FundsCommitted ${december.enrolmentId}`,
      `CommitmentRejected ${alsoNextYear.enrolmentId}`,
    ]);
    expect(answers(await since(thisYear.streamId, 2))).toEqual([`FundsCommitted ${sameYear.enrolmentId}`]);

    // The withdrawal names only the enrolment: the money returns to 2027, where it goes to the next in line.
    await react(laterEvent.withdrawn(december));
    expect(answers(await since(next.streamId, 4))).toEqual([
      `FundsReleased ${december.enrolmentId}`,
      `FundsCommitted ${alsoNextYear.enrolmentId}`,
    ]);
    expect(await store.streamVersion(thisYear.streamId)).toBe(3);
    expect(await view(thisYear.budgetId, (v) => v.committed === COST)).toMatchObject({ fiscalYear: 2026 });
    expect(await view(next.budgetId, (v) => v.committed === COST && v.waiting === 0)).toMatchObject({
      fiscalYear: 2027,
    });
  });

  it('through the broker: the queue is kept from the enrolment topic, and money freed by a withdrawal reaches the next in line', async () => {
    const enrolmentService = await fakeEnrolment();
    try {
      const { budgetId, streamId, enrolment } = await unitBudget('KAFKAQ', 1);
      const [a, b, c] = [0, 1, 2].map((i) => enrolment(i));
      await enrolmentService.publish([a, b, c]);
      await eventually(async () => ((await store.readStream(streamId)).length >= 5 ? true : undefined), 30000);
      await view(budgetId, (v) => v.waiting === 2 && v.committed === COST);

      await enrolmentService.publish([laterEvent.withdrawn(a)]);
      const moved = await eventually(async () => {
        const events = await since(streamId, 5);
        return events.length >= 2 ? events : undefined;
      }, 30000);
      expect(answers(moved)).toEqual([`FundsReleased ${a.enrolmentId}`, `FundsCommitted ${b.enrolmentId}`]);
      await view(budgetId, (v) => v.waiting === 1 && v.committed === COST);
    } finally {
      await enrolmentService.stop();
    }
  });

  it('by need: a held request is found by its enrolment (the request index) and leaves on withdrawal, re-request and cancellation', async () => {
    const { opd, streamId, programmeId, enrolment } = await unitBudget('HELD', 1);
    await http()
      .post(`/units/${opd}/funding-policy`)
      .send({ fiscalYear: 2026, mode: 'by-need', windowDays: 7 })
      .expect(201);
    const [a, b, c] = [0, 1, 2].map((i) => enrolment(i));
    for (const e of [a, b, c]) await react(e);
    let version = await store.streamVersion(streamId);
    expect(answers(await since(streamId, version - 3))).toEqual([
      `FundsRequestQueued ${a.enrolmentId}`,
      `FundsRequestQueued ${b.enrolmentId}`,
      `FundsRequestQueued ${c.enrolmentId}`,
    ]);

    await react(laterEvent.withdrawn(a));
    await react(laterEvent.reRequested(b));
    await react(laterEvent.cancelled(programmeId));
    expect(answers(await since(streamId, version))).toEqual([
      `FundsRequestWithdrawn ${a.enrolmentId}`,
      `FundsRequestWithdrawn ${b.enrolmentId}`,
      `FundsRequestQueued ${b.enrolmentId}`,
      // The programme's cancellation, in the order they are held: b's re-request is behind c.
      `FundsRequestWithdrawn ${c.enrolmentId}`,
      `FundsRequestWithdrawn ${b.enrolmentId}`,
    ]);
    version = await store.streamVersion(streamId);
    await react(laterEvent.withdrawn(c)); // already gone: nothing more
    expect(await store.streamVersion(streamId)).toBe(version);
  });
});
