import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

/**
 * Citizens' SKM answers, from each unit's kiosks (one token per kiosk) and paper forms typed in at
 * the kiosk. The submission id makes a resend harmless (200, nothing appended), so no
 * Idempotency-Key: that would cost the gateway a durable record per answer.
 */
export async function submitSurveys(ctx: DemoContext): Promise<number> {
  const { plan } = ctx;
  const task = ctx.progress.task('survey responses', plan.surveys.length);
  let accepted = 0;
  // As many workers as the client's whole pool: while the training runs, the pool (first come, first
  // served) shares it; once the training is done, the answers — the long pole — get all of it.
  await forEachConcurrent(
    plan.surveys,
    ctx.concurrency * 2,
    async (r, i) => {
      await ctx.client.as(actors.kiosk(r.unitCode, i % plan.size.kiosksPerUnit)).submitSurveyResponse({ body: r });
      accepted++;
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${plan.surveys.filter((r) => r.servedBy).length} name the staff member who served`);
  return accepted;
}

/** Publishes every unit's IKM of each full past quarter (later answers for those quarters are refused). */
export async function closePeriods(ctx: DemoContext): Promise<void> {
  const { plan } = ctx;
  const closures = plan.units.flatMap((u) => plan.closedQuarters.map((q) => ({ u, q })));
  const task = ctx.progress.task('IKM published per quarter', closures.length);
  await forEachConcurrent(
    closures,
    ctx.concurrency,
    async ({ u, q }) => {
      await ctx.client.as(actors.officerOf({ opd: u.opd })).closeSurveyPeriod({
        params: { unitCode: u.code, period: q.id },
        idempotencyKey: commandKey(plan, 'close', u.code, q.id),
      });
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${plan.closedQuarters[0].id} … ${plan.closedQuarters[plan.closedQuarters.length - 1].id}`);
}
