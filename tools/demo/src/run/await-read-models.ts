import { CorrelationReport, fetchReport } from '../report/correlation-headline';
import type { Participation } from '../steps/enrolment.steps';
import { actors, DemoContext } from './demo-context';

/** The report's range: the first surveyed quarter to the current one. */
export const reportRange = (ctx: DemoContext) => ({
  from: ctx.plan.closedQuarters[0].id,
  to: ctx.plan.timeline.quarter(0).id,
});

/**
 * The feedback service learns of completions, assessments and spending from Kafka, after the
 * commands were answered. Waits until its correlation read model holds every answer submitted and
 * every unit where a programme was completed, then returns the report.
 */
export async function awaitReadModels(
  ctx: DemoContext,
  responses: number,
  completed: Participation[],
  timeoutMs = 120_000,
): Promise<CorrelationReport> {
  const expected = new Map<string, Set<string>>();
  for (const { programme, participant } of completed) {
    if (!participant.workUnit.serviceUnit) continue;
    const set = expected.get(programme.programmeId) ?? new Set<string>();
    expected.set(programme.programmeId, set.add(participant.workUnit.serviceUnit));
  }
  const task = ctx.progress.task('read models catching up', expected.size + 1);
  const { from, to } = reportRange(ctx);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await fetchReport(ctx.client, actors.bkpsdm(ctx.plan), from, to);
    const counted = report.rows.reduce((s, r) => s + r.survey.responses, 0);
    const missing = [...expected].filter(([id, units]) => {
      const e = report.programmeEffects.find((x) => x.programmeId === id);
      const seen = new Set([...(e?.treated.units ?? []), ...(e?.withoutSurveys.treated ?? [])]);
      return [...units].some((u) => !seen.has(u));
    });
    if (counted >= responses && missing.length === 0) {
      task.tick(expected.size + 1);
      task.done();
      return report;
    }
    if (Date.now() > deadline) {
      task.done(
        `gave up waiting: ${counted}/${responses} responses, programmes still arriving: ${missing.map(([id]) => id).join(', ') || 'none'}`,
      );
      return report;
    }
    await new Promise((r) => setTimeout(r, 500)); // the report is not free to build: twice a second is enough
  }
}
