import { unless } from '../gateway/gateway-client';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

export const budgetIdOf = (fiscalYear: number, opd: string) => `${fiscalYear}-${opd}-APBD`;

/**
 * This year's APBD training budget of every OPD and its allocations, before anyone enrols: the
 * enrolment service charges enrolments to the current fiscal year (its clock), so that is the year
 * funded. Dinas Sosial and Satpol PP get less than their plans need, and waitlist the rest for funds.
 */
export async function openBudgets(ctx: DemoContext): Promise<void> {
  const { plan } = ctx;
  if (!ctx.caps.budget) {
    ctx.progress.log(
      'budgets: skipped — this gateway has no budget routes yet (POST /api/v1/budgets); every enrolment will wait for funds',
    );
    return;
  }
  const fiscalYear = plan.timeline.year;
  const allocations = plan.budgets.flatMap((b) => b.allocations.map((a) => ({ budget: b, a })));
  const task = ctx.progress.task('budgets and allocations', plan.budgets.length + allocations.length);
  const api = ctx.client.as(actors.planner);
  await forEachConcurrent(plan.budgets, ctx.concurrency, async (b) => {
    await unless(
      api.openBudget({
        body: { fiscalYear, opd: b.opd, fundingSource: 'APBD', ceiling: b.ceiling },
        idempotencyKey: commandKey(plan, 'budget', fiscalYear, b.opd),
      }),
      'budget-exists',
    );
    task.tick();
  });
  await forEachConcurrent(allocations, ctx.concurrency, async ({ budget, a }) => {
    const target = 'programmeId' in a ? a.programmeId : a.competencyArea;
    await unless(
      api.allocateFunds({
        params: { budgetId: budgetIdOf(fiscalYear, budget.opd) },
        body: a,
        idempotencyKey: commandKey(plan, 'allocation', fiscalYear, budget.opd, target),
      }),
      'allocation-exists',
    );
    task.tick();
  });
  const short = plan.programmes.filter((p) => p.spec.funding < 1).map((p) => p.spec.fundingOpd);
  task.done(`FY${fiscalYear}; short: ${short.join(', ')}`);
}
