// Every use case of the budget service, one line each: find a feature here, then in its folder.
import { OpenBudgetController } from './budget/open-budget/open-budget.http.controller';
import { OpenBudgetHandler } from './budget/open-budget/open-budget.handler';
import { AllocateFundsController } from './budget/allocate-funds/allocate-funds.http.controller';
import { AllocateFundsHandler } from './budget/allocate-funds/allocate-funds.handler';
import { ReviseAllocationController } from './budget/revise-allocation/revise-allocation.http.controller';
import { ReviseAllocationHandler } from './budget/revise-allocation/revise-allocation.handler';
import { CloseBudgetController } from './budget/close-budget/close-budget.http.controller';
import { CloseBudgetHandler } from './budget/close-budget/close-budget.handler';
import { RecordExpenditureController } from './budget/record-expenditure/record-expenditure.http.controller';
import { RecordExpenditureHandler } from './budget/record-expenditure/record-expenditure.handler';
import { GetBudgetController } from './queries/get-budget/get-budget.http.controller';
import { GetBudgetHandler } from './queries/get-budget/get-budget.handler';
import { GetUtilisationController } from './queries/get-utilisation/get-utilisation.http.controller';
import { GetUtilisationHandler } from './queries/get-utilisation/get-utilisation.handler';
import { GetUnitCostsController } from './queries/get-unit-costs/get-unit-costs.http.controller';
import { GetUnitCostsHandler } from './queries/get-unit-costs/get-unit-costs.handler';
import { GetUnitForecastController } from './queries/get-unit-forecast/get-unit-forecast.http.controller';
import { GetUnitForecastHandler } from './queries/get-unit-forecast/get-unit-forecast.handler';

// Commitments, releases and completion costs are not HTTP use cases: they answer enrolment events
// (reactions/enrolment-events.reaction.ts).
export const COMMAND_CONTROLLERS = [
  OpenBudgetController,
  AllocateFundsController,
  ReviseAllocationController,
  CloseBudgetController,
  RecordExpenditureController,
];
export const COMMAND_HANDLERS = [
  OpenBudgetHandler,
  AllocateFundsHandler,
  ReviseAllocationHandler,
  CloseBudgetHandler,
  RecordExpenditureHandler,
];

export const QUERY_CONTROLLERS = [
  GetBudgetController,
  GetUtilisationController,
  GetUnitCostsController,
  GetUnitForecastController,
];
export const QUERY_HANDLERS = [GetBudgetHandler, GetUtilisationHandler, GetUnitCostsHandler, GetUnitForecastHandler];
