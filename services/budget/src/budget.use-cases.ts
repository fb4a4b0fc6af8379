// Every use case of the budget service, one line each: find a feature here, then in its folder.
// Each handler serves the use case it is decorated with (@Handles), declared in libs/api/src/budget.
import { OpenBudgetHandler } from './budget/open-budget/open-budget.handler';
import { AllocateFundsHandler } from './budget/allocate-funds/allocate-funds.handler';
import { ReviseAllocationHandler } from './budget/revise-allocation/revise-allocation.handler';
import { CloseBudgetHandler } from './budget/close-budget/close-budget.handler';
import { RecordExpenditureHandler } from './budget/record-expenditure/record-expenditure.handler';
import { SetFundingPolicyHandler } from './budget/set-funding-policy/set-funding-policy.handler';
import { DecideFundingWindowHandler } from './budget/decide-funding-window/decide-funding-window.handler';
import { GetBudgetHandler } from './queries/get-budget/get-budget.handler';
import { GetUtilisationHandler } from './queries/get-utilisation/get-utilisation.handler';
import { GetUnitCostsHandler } from './queries/get-unit-costs/get-unit-costs.handler';
import { GetUnitForecastHandler } from './queries/get-unit-forecast/get-unit-forecast.handler';
import { ListFundingDecisionsHandler } from './queries/list-funding-decisions/list-funding-decisions.handler';

export const USE_CASE_HANDLERS = [
  // Commands. Commitments, releases and completion costs are not HTTP use cases: they answer
  // enrolment events (reactions/enrolment-events.reaction.ts).
  OpenBudgetHandler,
  AllocateFundsHandler,
  ReviseAllocationHandler,
  CloseBudgetHandler,
  RecordExpenditureHandler,
  SetFundingPolicyHandler,
  DecideFundingWindowHandler,
  // Queries
  GetBudgetHandler,
  GetUtilisationHandler,
  GetUnitCostsHandler,
  GetUnitForecastHandler,
  ListFundingDecisionsHandler,
];
