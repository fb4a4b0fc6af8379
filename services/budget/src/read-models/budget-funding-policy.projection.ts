import type { BudgetEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * One row per budget: its funding policy (first-come until FundingPolicySet says otherwise) and
 * whether it is open. The funding-window worker reads which budgets fund by need and on what
 * schedule; the decider confirms against the log, so a row a moment behind only delays a window.
 */
export const budgetFundingPolicyProjection = projection<BudgetEvent>({
  name: 'budget_funding_policy',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      budget_id text primary key, opd text not null, fiscal_year integer not null, funding_source text not null,
      mode text not null, window_days integer, windows_from date, open boolean not null)`);
    await tx.query(`create index on "${t}" (mode) where open`);
  },
  on: {
    BudgetOpened: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (budget_id, opd, fiscal_year, funding_source, mode, open) values ($1, $2, $3, $4, 'first-come', true)`,
        [d.budgetId, d.opd, d.fiscalYear, d.fundingSource],
      ),
    FundingPolicySet: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set mode = $2, window_days = $3, windows_from = $4 where budget_id = $1`, [
        d.budgetId,
        d.mode,
        d.windowDays,
        d.windowsFrom,
      ]),
    BudgetClosed: ({ data: d }, tx, t) => tx.query(`update "${t}" set open = false where budget_id = $1`, [d.budgetId]),
  },
});
