import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

/** No body: open commitments lapse, then the budget closes; closing twice changes nothing. */
export const closeBudget = defineUseCase({
  name: 'closeBudget',
  service: 'budget',
  method: 'POST',
  path: '/budgets/:budgetId/closure',
  tag: 'budgets',
  summary: 'Close the fiscal year: open commitments lapse, nothing more is committed',
  params: { budgetId: PARAM.id },
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
  ifMatch: true,
});
