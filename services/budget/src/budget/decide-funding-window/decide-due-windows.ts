import type { DataSource } from 'typeorm';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { latestDecisionDay } from '../funding-policy.rules';
import { runBudgetCommand } from '../run-budget-command';

interface ByNeedRow {
  budget_id: string;
  window_days: number;
  windows_from: string;
}

/**
 * The funding windows due as of `today` (a city date): for each open budget that funds by need,
 * its latest decision day on or before today. Safe to run anywhere, any number of times at once:
 * the decider decides a day once, and a concurrent decision of the same day conflicts on the
 * stream's version and then finds it decided. A window missed while the service was down is
 * decided with the next one (its requests keep their dates, so ties still go to the earlier).
 * Answers the budgets where a window was decided now, and those that failed (one budget's failure,
 * e.g. closed a moment ago, does not keep the others from their windows).
 */
export async function decideDueWindows(
  store: EventStore,
  db: DataSource,
  today: string,
  metadata: EventMetadata,
): Promise<{ decided: string[]; failed: { budgetId: string; error: string }[] }> {
  const rows = await db.query<ByNeedRow[]>(
    `select budget_id, window_days, to_char(windows_from, 'YYYY-MM-DD') as windows_from
       from budget_funding_policy where open and mode = 'by-need' order by budget_id`,
  );
  const decided: string[] = [];
  const failed: { budgetId: string; error: string }[] = [];
  for (const row of rows) {
    const decisionDay = latestDecisionDay({ windowDays: row.window_days, windowsFrom: row.windows_from }, today);
    if (!decisionDay) continue;
    try {
      const { events } = await runBudgetCommand(
        store,
        db,
        row.budget_id,
        { type: 'DecideFundingWindow', decisionDay, today },
        metadata,
      );
      if (events.length) decided.push(row.budget_id);
    } catch (e) {
      failed.push({ budgetId: row.budget_id, error: (e as Error).message });
    }
  }
  return { decided, failed };
}
