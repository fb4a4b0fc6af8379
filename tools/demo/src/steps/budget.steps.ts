import { unless } from '../gateway/gateway-client';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

export const budgetIdOf = (fiscalYear: number, opd: string) => `${fiscalYear}-${opd}-APBD`;

/**
 * Every OPD's APBD training budget for every fiscal year the history spans, with its allocations,
 * before anyone enrols: the enrolment service charges an enrolment to its programme's fiscal year
 * (the year of its first session, or the year a self-paced programme names), so each year's
 * programmes draw on that year's budget. Dinas Sosial and Satpol PP get less than their plans need,
 * and waitlist the rest for funds.
 */
export async function openBudgets(ctx: DemoContext): Promise<void> {
  const { plan } = ctx;
  if (!ctx.caps.budget) {
    ctx.progress.log(
      'budgets: skipped — this gateway has no budget routes yet (POST /api/v1/budgets); every enrolment will wait for funds',
    );
    return;
  }
  const allocations = plan.budgets.flatMap((b) => b.allocations.map((a) => ({ budget: b, a })));
  const task = ctx.progress.task('budgets and allocations', plan.budgets.length + allocations.length);
  const api = ctx.client.as(actors.planner);
  await forEachConcurrent(plan.budgets, ctx.concurrency, async (b) => {
    await unless(
      api.openBudget({
        body: { fiscalYear: b.fiscalYear, opd: b.opd, fundingSource: 'APBD', ceiling: b.ceiling },
        idempotencyKey: commandKey(plan, 'budget', b.fiscalYear, b.opd),
      }),
      'budget-exists',
    );
    task.tick();
  });
  await forEachConcurrent(allocations, ctx.concurrency, async ({ budget, a }) => {
    const target = 'programmeId' in a ? a.programmeId : a.competencyArea;
    await unless(
      api.allocateFunds({
        params: { budgetId: budgetIdOf(budget.fiscalYear, budget.opd) },
        body: a,
        idempotencyKey: commandKey(plan, 'allocation', budget.fiscalYear, budget.opd, target),
      }),
      'allocation-exists',
    );
    task.tick();
  });
  const years = plan.timeline.fiscalYears;
  const short = plan.programmes.filter((p) => p.spec.funding < 1).map((p) => `${p.spec.fundingOpd} ${p.fiscalYear}`);
  task.done(`FY${years[0]}–${years[years.length - 1]}; short: ${short.join(', ')}`);
}
