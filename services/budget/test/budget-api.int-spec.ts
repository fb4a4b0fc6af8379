import request from 'supertest';
import type { CommandAcceptedBody as CommandAccepted } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import type { BudgetView } from '../src/queries/get-budget/get-budget.handler';
import { BudgetApp, startBudgetApp, uniqueOpd } from './budget-app';

/** GET /utilisation by unit or by funding source, as far as these tests read it. */
interface UtilisationView {
  rows: { opd?: string; fundingSource?: string; budgets: number }[];
}

describe('the budget service over HTTP', () => {
  let budget: BudgetApp;
  let store: EventStore;
  const http = () => httpOf(budget.app);
  const opd = uniqueOpd('DINKES');
  const budgetId = `2026-${opd}-APBD`;
  const open = (over: Record<string, unknown> = {}) =>
    http()
      .post('/budgets')
      .send({ fiscalYear: 2026, opd, fundingSource: 'APBD', ceiling: 100_000_000, ...over });
  const allocate = (body: Record<string, unknown>, id = budgetId) =>
    http().post(`/budgets/${id}/allocations`).send(body);

  beforeAll(async () => {
    budget = await startBudgetApp();
    store = budget.app.get(EventStore);
  });
  afterAll(() => budget.stop());

  it('opens a budget and answers with its id, stream and version', async () => {
    const res = await open().set('x-actor', 'user:bpkad').expect(201);
    expect(res.body).toEqual({ budgetId, streamId: `budget-${budgetId}`, version: 1, events: ['BudgetOpened'] });
    expect(res.headers.location).toBe(`/budgets/${budgetId}`);
    expect((await store.readStream(`budget-${budgetId}`))[0].metadata.actor).toBe('user:bpkad');
    expect(((await open().expect(409)).body as ProblemDetails).type).toMatch(/budget-exists$/);
  });

  it('allocates to a programme and to a competency area, and revises within the rules', async () => {
    expect(
      ((await allocate({ programmeId: 'kom-efektif-2026', amount: 30_000_000 }).expect(201)).body as CommandAccepted)
        .events,
    ).toEqual(['FundsAllocated']);
    await allocate({ competencyArea: 'disaster-management', amount: 50_000_000 }).expect(201);
    const revised = await http()
      .post(`/budgets/${budgetId}/allocations/area-disaster-management/revisions`)
      .send({ amount: 70_000_000 })
      .expect(201);
    expect(revised.body).toMatchObject({ events: ['AllocationRevised'], version: 4 });
    const view = await eventually(async () => {
      const r = await http().get(`/budgets/${budgetId}`);
      if (r.status !== 200) return undefined;
      const body = r.body as BudgetView;
      return body.allocated === 100_000_000 ? body : undefined;
    });
    expect(view).toMatchObject({
      ceiling: 100_000_000,
      unallocated: 0,
      committed: 0,
      spent: 0,
      free: 100_000_000,
      status: 'open',
    });
    expect(view.allocations).toEqual([
      expect.objectContaining({
        allocationId: 'area-disaster-management',
        target: { kind: 'competency-area', competencyArea: 'disaster-management' },
        allocated: 70_000_000,
      }),
      expect.objectContaining({
        allocationId: 'programme-kom-efektif-2026',
        target: { kind: 'programme', programmeId: 'kom-efektif-2026' },
        free: 30_000_000,
      }),
    ]);
  });

  it('refuses a stale If-Match with 409', async () => {
    const res = await http()
      .post(`/budgets/${budgetId}/allocations/area-disaster-management/revisions`)
      .set('If-Match', '"1"')
      .send({ amount: 60_000_000 })
      .expect(409);
    expect(res.body).toMatchObject({ expectedVersion: 1, actualVersion: 4 });
  });

  describe('bad input: a 4xx problem naming the field, and nothing appended', () => {
    // The saga's consumer may be answering old enrolment events meanwhile, so "nothing appended"
    // means nothing by this request's actor.
    const rejects = async (req: request.Test, status: number, field?: string) => {
      const before = await store.head();
      const res = await req.set('x-actor', 'user:bad-input').expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const body = res.body as ProblemDetails;
      if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
      expect(
        (await store.readAll(before.position, 100_000)).filter((e) => e.metadata.actor === 'user:bad-input'),
      ).toEqual([]);
      return body;
    };

    it.each([
      ['a negative ceiling', { ceiling: -1 }, 'ceiling'],
      ['a fractional ceiling', { ceiling: 1000.5 }, 'ceiling'],
      ['a ceiling sent as text', { ceiling: '1000' }, 'ceiling'],
      ['a malformed unit code', { opd: 'dinas kesehatan' }, 'opd'],
      ['an unknown funding source', { fundingSource: 'CSR' }, 'fundingSource'],
      ['an unknown field', { owner: 'x' }, 'owner'],
    ])('opening with %s', async (_name, over, field) => {
      await rejects(open({ opd: uniqueOpd('X'), ...over }), 400, field);
    });

    it.each([
      ['a negative amount', { programmeId: 'abc-2026', amount: -5 }, 'amount'],
      ['a fractional amount', { programmeId: 'abc-2026', amount: 12.5 }, 'amount'],
      ['no target', { amount: 5 }, 'programmeId'],
      ['two targets', { programmeId: 'abc-2026', competencyArea: 'x', amount: 5 }, 'competencyArea'],
    ])('allocating with %s', async (_name, body, field) => {
      await rejects(allocate(body), 400, field);
    });

    it('allocating above the ceiling', async () => {
      const body = await rejects(allocate({ programmeId: 'abc-2026', amount: 1 }), 400, 'amount');
      expect(body.detail).toMatch(/exceeds the ceiling: 0 of 100000000/);
    });

    it('revising above the ceiling or to a negative amount (below what is committed: the saga test)', async () => {
      await rejects(
        http().post(`/budgets/${budgetId}/allocations/area-disaster-management/revisions`).send({ amount: 70_000_001 }),
        400,
        'amount',
      );
      await rejects(
        http().post(`/budgets/${budgetId}/allocations/area-disaster-management/revisions`).send({ amount: -1 }),
        400,
        'amount',
      );
    });

    it('an unknown unit, budget, allocation or commitment', async () => {
      expect(
        (
          await rejects(
            allocate({ programmeId: 'abc-2026', amount: 5 }, `2026-${uniqueOpd('NOWHERE')}-APBD`),
            404,
            'budgetId',
          )
        ).type,
      ).toMatch(/budget-not-found$/);
      await rejects(http().post(`/budgets/${budgetId}/allocations/area-nothing/revisions`).send({ amount: 5 }), 404);
      await rejects(http().post(`/budgets/2026-${uniqueOpd('NOWHERE')}-APBD/closure`), 404);
      await rejects(
        http().post(`/budgets/${budgetId}/commitments/no-such-commitment/expenditure`).send({ amount: 5, jp: 8 }),
        404,
      );
      await rejects(http().get(`/budgets/2026-${uniqueOpd('NOWHERE')}-APBD`), 404);
    });

    it('expenditure with a negative amount or fractional JP', async () => {
      await rejects(
        http().post(`/budgets/${budgetId}/commitments/x/expenditure`).send({ amount: -1, jp: 8 }),
        400,
        'amount',
      );
      await rejects(
        http().post(`/budgets/${budgetId}/commitments/x/expenditure`).send({ amount: 1, jp: 1.5 }),
        400,
        'jp',
      );
    });

    it('queries with a malformed year or grouping', async () => {
      await rejects(http().get('/utilisation?fiscalYear=twenty'), 400, 'fiscalYear');
      await rejects(http().get('/utilisation?by=colour'), 400, 'by');
    });
  });

  it('reports utilisation per unit and per funding source', async () => {
    await http()
      .post('/budgets')
      .send({ fiscalYear: 2026, opd, fundingSource: 'DAK', ceiling: 20_000_000 })
      .expect(201);
    const byUnit = await eventually(async () => {
      const r = (await http().get(`/utilisation?fiscalYear=2026&by=unit&opd=${opd}`).expect(200))
        .body as UtilisationView;
      return r.rows[0]?.budgets === 2 ? r : undefined;
    });
    expect(byUnit.rows).toEqual([
      {
        opd,
        budgets: 2,
        ceiling: 120_000_000,
        unallocated: 20_000_000,
        allocated: 100_000_000,
        committed: 0,
        spent: 0,
        free: 100_000_000,
        utilisation: 0,
      },
    ]);
    const bySource = (await http().get(`/utilisation?fiscalYear=2026&by=funding-source&opd=${opd}`).expect(200))
      .body as UtilisationView;
    expect(bySource.rows.map((r) => r.fundingSource)).toEqual(['APBD', 'DAK']);
  });

  it('closes the year once, then refuses allocations', async () => {
    const closing = `2026-${opd}-DAK`;
    expect(((await http().post(`/budgets/${closing}/closure`).expect(201)).body as CommandAccepted).events).toEqual([
      'BudgetClosed',
    ]);
    expect(((await http().post(`/budgets/${closing}/closure`).expect(201)).body as CommandAccepted).events).toEqual([]);
    expect(
      ((await allocate({ programmeId: 'abc-2026', amount: 5 }, closing).expect(409)).body as ProblemDetails).type,
    ).toMatch(/budget-closed$/);
  });

  it('publishes its OpenAPI document', async () => {
    const doc = (await http().get('/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/budgets',
        '/budgets/{budgetId}/allocations',
        '/budgets/{budgetId}/allocations/{allocationId}/revisions',
        '/budgets/{budgetId}/closure',
        '/budgets/{budgetId}/commitments/{commitmentId}/expenditure',
        '/budgets/{budgetId}',
        '/utilisation',
        '/units/{opd}/costs',
        '/units/{opd}/forecast',
      ]),
    );
  });
});
