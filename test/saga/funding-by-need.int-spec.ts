import type { BudgetEvent, FundingNeed, FundingWindowDecided, StaffEnrolled } from '@kompeten/contracts';
import { EventStore, type StoredEvent } from '@kompeten/event-store';
import { MESSAGING_WORKERS, type MessagingWorker } from '@kompeten/messaging';
import { eventually, httpOf } from '@kompeten/testing';
import { FundingWindowWorker } from '../../services/budget/src/budget/decide-funding-window/funding-window.worker';
import type { FundingDecisionsView } from '../../services/budget/src/queries/list-funding-decisions/funding-decisions.view';
import { BudgetApp, startBudgetApp, TestClock, uniqueOpd } from '../../services/budget/test/budget-app';
import { fakeEnrolment, staffEnrolled } from '../../services/budget/test/enrolment-events';

// Funding by need through the real broker and the real budget service on the real Postgres: the
// enrolment events come from a stand-in enrolment service (so each request carries the need we
// choose), the budget service is stopped between holding the requests and deciding their window,
// and requests arrive while it is down. Nothing may be lost and nothing answered twice. The worked
// example is docs/planning/funding-by-need.md's: two seats' money, four requests.
const COST = 1_500_000;
const line = (priority: number) => ({ lineId: `L${priority}`, priority, revision: 2 });
const need = (over: Partial<FundingNeed>): FundingNeed => ({
  planLine: null,
  jpShortfall: 0,
  gap: 0,
  ikmGrade: null,
  asOf: '2027-01-05',
  ...over,
});
/** The city's 10:00 (WIB) on a day of January 2027. */
const at = (day: string) => new Date(`2027-01-${day}T03:00:00Z`);

describe('funding by need across a restart of the budget service', () => {
  const clock = new TestClock(at('05'));
  let budget: BudgetApp;
  let enrolment: Awaited<ReturnType<typeof fakeEnrolment>>;
  const opd = uniqueOpd('BYNEED');
  const budgetId = `2027-${opd}-APBD`;
  const streamId = `budget-${budgetId}`;
  const http = () => httpOf(budget.app);
  const log = async () => budget.app.get(EventStore).readStream<BudgetEvent>(streamId);
  const ofType = (events: StoredEvent<BudgetEvent>[], type: string) => events.filter((e) => e.type === type);
  const until = <T>(probe: () => Promise<T | undefined>) => eventually(probe, 30000, 200);
  const request = (who: string, n: FundingNeed | null): StaffEnrolled['data'] =>
    staffEnrolled(opd, who.charCodeAt(0), {
      programmeId: `${opd.toLowerCase()}-kom`,
      competencyArea: 'komunikasi',
      year: 2027,
      need: n,
    });
  const [A, B, C, D] = [
    request('A', need({ jpShortfall: 4, ikmGrade: 'B' })), // 9
    request('B', need({ planLine: line(2), jpShortfall: 20, gap: 1, ikmGrade: 'C' })), // 74
    request('C', need({ planLine: line(1), jpShortfall: 12, gap: 2, ikmGrade: 'C' })), // 75
    request('D', null), // 0
  ];
  /** Publishes one StaffEnrolled dated on the given day of January (the day the budget was asked). */
  const ask = async (day: string, r: StaffEnrolled['data']) => {
    clock.current = at(day);
    await enrolment.publish([r]);
  };
  const windowWorker = () =>
    budget.app.get<MessagingWorker[]>(MESSAGING_WORKERS).find((w) => w instanceof FundingWindowWorker)!;

  beforeAll(async () => {
    enrolment = await fakeEnrolment({ clock: () => clock.now() });
    budget = await startBudgetApp(undefined, { clock });
    await http()
      .post('/budgets')
      .send({ fiscalYear: 2027, opd, fundingSource: 'APBD', ceiling: 50_000_000 })
      .expect(201);
    await http()
      .post(`/budgets/${budgetId}/allocations`)
      .send({ competencyArea: 'komunikasi', amount: 2 * COST })
      .expect(201);
  });
  afterAll(async () => {
    await budget?.stop();
    await enrolment?.stop();
  });

  it('refuses a by-need policy without its window length, naming the field, and appends nothing', async () => {
    const version = (await log()).length;
    const res = await http()
      .post(`/units/${opd}/funding-policy`)
      .send({ fiscalYear: 2027, mode: 'by-need' })
      .expect(400);
    expect((res.body as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'windowDays' }),
    ]);
    await http()
      .post(`/units/${opd}/funding-policy`)
      .send({ fiscalYear: 2027, mode: 'by-need', windowDays: 0 })
      .expect(400);
    expect((await log()).length).toBe(version);
  });

  it('refuses to decide a window of a budget that funds first-come (409)', async () => {
    await http().post(`/units/${opd}/funding-windows`).send({ fiscalYear: 2027 }).expect(409);
  });

  it('holds every request, including those that arrive while the service is down, each once', async () => {
    const set = await http()
      .post(`/units/${opd}/funding-policy`)
      .send({ fiscalYear: 2027, mode: 'by-need', windowDays: 7, windowsFrom: '2027-01-04' })
      .expect(201);
    expect(set.body).toMatchObject({ events: ['FundingPolicySet'] });

    await ask('05', A);
    await ask('06', B);
    await until(async () => (ofType(await log(), 'FundsRequestQueued').length === 2 ? true : undefined));

    await budget.close(); // the crash: between holding the requests and deciding their window
    await ask('07', C);
    await ask('08', D);
    budget = await startBudgetApp(budget.db, { clock });

    const queued = await until(async () => {
      const q = ofType(await log(), 'FundsRequestQueued');
      return q.length >= 4 ? q : undefined;
    });
    expect(queued.map((e) => e.data)).toEqual(
      [A, B, C, D].map((r, i): unknown =>
        expect.objectContaining({
          enrolmentId: r.enrolmentId,
          need: r.need,
          requestedOn: `2027-01-0${5 + i}`,
          decideOn: '2027-01-11',
        }),
      ),
    );
    const pending = (await http().get(`/units/${opd}/funding-decisions?fiscalYear=2027`).expect(200))
      .body as FundingDecisionsView;
    expect(pending.pending.map((p) => [p.nip, p.score])).toEqual([
      [A.nip, 9],
      [B.nip, 74],
      [C.nip, 75],
      [D.nip, 0],
    ]);
    expect(pending.policy).toMatchObject({ mode: 'by-need', windowDays: 7, nextDecisionDay: '2027-01-11' });
  });

  it('the worker decides the window on its day: a later, higher-priority request is funded ahead of an earlier one', async () => {
    clock.current = at('10');
    await windowWorker().runOnce(); // not due yet
    expect(ofType(await log(), 'FundingWindowDecided')).toHaveLength(0);

    clock.current = at('11');
    await windowWorker().runOnce();
    await windowWorker().runOnce(); // a second look the same day changes nothing
    const events = await log();
    const [window] = ofType(events, 'FundingWindowDecided');
    expect(ofType(events, 'FundingWindowDecided')).toHaveLength(1);
    const decided = (window.data as FundingWindowDecided['data']).decisions;
    expect(decided.map((d) => [d.nip, d.score, d.rank, d.outcome])).toEqual([
      [C.nip, 75, 1, 'funded'],
      [B.nip, 74, 2, 'funded'],
      [A.nip, 9, 3, 'waitlisted'],
      [D.nip, 0, 4, 'waitlisted'],
    ]);
    const after = events.slice(events.indexOf(window));
    expect(after.map((e) => `${e.type} ${(e.data as { nip?: string }).nip ?? ''}`.trim())).toEqual([
      'FundingWindowDecided',
      `FundsCommitted ${C.nip}`,
      `FundsCommitted ${B.nip}`,
      `CommitmentRejected ${A.nip}`,
      `CommitmentRejected ${D.nip}`,
    ]);
    expect(after[3].data).toMatchObject({ reason: 'outranked' });

    // Nothing lost, nothing twice: each request held once and answered once.
    const answers = events.filter((e) => e.type === 'FundsCommitted' || e.type === 'CommitmentRejected');
    expect(new Set(answers.map((e) => (e.data as { enrolmentId: string }).enrolmentId)).size).toBe(4);
    expect(answers).toHaveLength(4);
  });

  it('deciding the same day again over HTTP answers the recorded decisions and appends nothing', async () => {
    const before = (await log()).length;
    const res = await http()
      .post(`/units/${opd}/funding-windows`)
      .send({ fiscalYear: 2027, decisionDay: '2027-01-11' })
      .expect(200);
    expect(res.body).toMatchObject({ budgetId, decisionDay: '2027-01-11', decidedOn: '2027-01-11', events: [] });
    expect((res.body as { decisions: { nip: string; explanation: string }[] }).decisions[0]).toMatchObject({
      nip: C.nip,
      explanation: expect.stringContaining('score 75 (plan 40 + JP shortfall 18 + gap 10 + IKM 7)') as unknown,
    });
    expect((await log()).length).toBe(before);

    const view = (await http().get(`/units/${opd}/funding-decisions?fiscalYear=2027`).expect(200))
      .body as FundingDecisionsView;
    expect(view.pending).toEqual([]);
    expect(view.waiting.map((w) => w.nip)).toEqual([A.nip, D.nip]);
    expect(view.windows).toHaveLength(1);
    expect(view.policy.nextDecisionDay).toBe('2027-01-18');
  });

  it('refuses a decision day after today or that is not a date, naming the field', async () => {
    for (const decisionDay of ['2027-01-12', '2027-02-30']) {
      const res = await http()
        .post(`/units/${opd}/funding-windows`)
        .send({ fiscalYear: 2027, decisionDay })
        .expect(400);
      expect((res.body as { errors: { field: string }[] }).errors).toEqual([
        expect.objectContaining({ field: 'decisionDay' }),
      ]);
    }
  });
});
