export class GetBudgetQuery {
  constructor(readonly budgetId: string) {}
}
