import { Client } from 'pg';
import { ProjectionRunner } from '@kompeten/messaging';
import { ViewReader } from '@kompeten/audit';
import { createTestDatabase, TestDatabase, testKafka } from '@kompeten/testing';
import { budgetAllocationProjection } from '../../services/budget/src/read-models/budget-allocation.projection';
import { budgetCommitmentProjection } from '../../services/budget/src/read-models/budget-commitment.projection';
import { budgetOverviewProjection } from '../../services/budget/src/read-models/budget-overview.projection';
import { audit, auditJson, catalogue } from './support/audit-cli';
import { auditFixture, AuditFixture, quiet } from './support/audit-fixture';
import { assessed, committed, onBudget, openBudget, rejected, released, spent } from './support/budget-log';
import { firstPhase, meta, secondPhase } from './support/enrolment-log';
import type { DiffReport, ReplayReport } from './support/reports';

// The catalogue's other read models: the budget's utilisation (three projections, one view each),
// and the feedback service's copy of staff training, which three other services' logs feed.
describe('the read-model catalogue beyond enrolment', () => {
  const kafka = testKafka('audit-catalogue');
  let enrolment: AuditFixture;
  let budget: AuditFixture;
  let assessment: AuditFixture;
  let work: TestDatabase;
  let beforeSpend: string;

  beforeAll(async () => {
    [enrolment, budget, assessment] = await Promise.all(
      ['audit_cat_enr', 'audit_cat_bud', 'audit_cat_asm'].map((l) => auditFixture(kafka, l)),
    );
    work = await createTestDatabase('audit_cat_work');
    const people = await firstPhase(enrolment.store, 'komunikasi', 6);
    await openBudget(budget.store);
    for (const i of people) await onBudget(budget.store, [i === 6 ? rejected(i) : committed(i)], `commit-${i}`);
    await secondPhase(enrolment.store, 'komunikasi', people);
    await onBudget(budget.store, [released(2)], 'release-2');
    beforeSpend = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    for (const i of [1, 3, 4, 5]) await onBudget(budget.store, [spent(i, 1_700_000 + i)], `spend-${i}`);
    for (const i of [1, 3])
      await assessment.store.append(`assessment-record-${i}`, 'no-stream', [assessed(i)], meta(`asm-${i}`));
  }, 120_000);
  afterAll(async () => {
    await Promise.all([enrolment, budget, assessment].map((f) => f.close()));
    await work.drop();
  });

  it('replays the budget’s utilisation, equal to the live read models (diff), and as it stood before the spending', async () => {
    const runners = [budgetOverviewProjection, budgetAllocationProjection, budgetCommitmentProjection].map(
      (projection) => new ProjectionRunner({ dataSource: budget.ds, store: budget.store, projection, logger: quiet }),
    );
    for (const r of runners) await r.catchUp();
    const conn = ['--database-url', budget.db.url, '--work-database-url', work.url];
    const diff = await auditJson<DiffReport>(['diff', 'budget-utilisation', ...conn]);
    expect(diff.code).toBe(0);
    expect(diff.report.views.map((v) => [v.view, v.liveRows])).toEqual([
      ['budgets', 1],
      ['allocations', 1],
      ['commitments', 6],
    ]);

    const then = await auditJson([
      'replay',
      'budget-utilisation',
      '--as-of',
      beforeSpend,
      '--param',
      'fiscal_year=2026',
      '--schema',
      'audit_budget_then',
      ...conn,
    ]);
    expect(then.code).toBe(0);
    const reader = await ViewReader.open(work.url, 'audit_budget_then');
    try {
      const [budgets] = catalogue().find((m) => m.name === 'budget-utilisation')!.views!;
      const rows = [];
      for await (const r of reader.rows(budgets, [2026, null])) rows.push(r.row);
      // Five commitments, one released: 4 × 1,750,000 committed, nothing spent yet.
      expect(rows).toEqual([
        expect.objectContaining({
          budget_id: 'budget-2026-DINKES-APBD',
          ceiling: 100_000_000,
          allocated: 20_000_000,
          committed: 7_000_000,
          spent: 0,
          free: 13_000_000,
          rejections: 1,
        }),
      ]);
    } finally {
      await reader.close();
    }
  });

  it('replays a read model fed by three services’ logs, merged by time and cut at one moment', async () => {
    const conn = [
      '--database-url',
      `enrolment=${enrolment.db.url}`,
      '--database-url',
      `budget=${budget.db.url}`,
      '--database-url',
      `assessment=${assessment.db.url}`,
      '--work-database-url',
      work.url,
    ];
    const now = await auditJson<ReplayReport>([
      'replay',
      'staff-training-copy',
      '--as-of',
      new Date().toISOString(),
      '--schema',
      'audit_copy_now',
      ...conn,
    ]);
    expect(now.code).toBe(0);
    expect(now.report.sources.map((s) => s.service)).toEqual(['enrolment', 'assessment', 'budget']);
    const count = async (schema: string, table: string) => {
      const c = new Client({ connectionString: work.url });
      await c.connect();
      try {
        return Number((await c.query<{ count: string }>(`select count(*) from "${schema}".${table}`)).rows[0].count);
      } finally {
        await c.end();
      }
    };
    expect(await count('audit_copy_now', 'fb_staff')).toBe(6);
    expect(await count('audit_copy_now', 'fb_training_completion')).toBe(5);
    expect(await count('audit_copy_now', 'fb_assessment_result')).toBe(2);
    expect(await count('audit_copy_now', 'fb_training_spend')).toBe(4);

    const then = await auditJson([
      'replay',
      'staff-training-copy',
      '--as-of',
      beforeSpend,
      '--schema',
      'audit_copy_then',
      ...conn,
    ]);
    expect(then.code).toBe(0);
    expect(await count('audit_copy_then', 'fb_training_completion')).toBe(5);
    expect(await count('audit_copy_then', 'fb_training_spend')).toBe(0);
    expect(await count('audit_copy_then', 'fb_assessment_result')).toBe(0);

    const position = await audit([
      'replay',
      'staff-training-copy',
      '--position',
      '3',
      '--schema',
      'audit_copy_x',
      ...conn,
    ]);
    expect(position.code).toBe(2);
    expect(position.stderr).toMatch(/positions differ per log, use --as-of/);
  });
});
