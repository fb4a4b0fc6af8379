import { DomainError } from '@kompeten/domain';
import type { Commitment } from './budget.state';

/** The budget decider's refusals, each with its kind (the HTTP edge maps it to a status) and problem type. */
export const problems = {
  notFound: () => {
    const message = 'no such budget: the unit has no budget for that year and funding source';
    return DomainError.notFound('budget-not-found', 'Unknown budget', message, {
      errors: [{ field: 'budgetId', message }],
    });
  },
  exists: (budgetId: string) =>
    DomainError.conflict('budget-exists', 'Budget already opened', `budget ${budgetId} is already open`),
  closed: (budgetId: string) =>
    DomainError.conflict('budget-closed', 'Budget closed', `budget ${budgetId} is closed for the year`),
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  allocationNotFound: (allocationId: string) =>
    DomainError.notFound('allocation-not-found', 'Unknown allocation', `no allocation ${allocationId} in this budget`),
  allocationExists: (allocationId: string) =>
    DomainError.conflict(
      'allocation-exists',
      'Already allocated',
      `allocation ${allocationId} exists; revise it instead`,
      { allocationId },
    ),
  commitmentNotFound: (commitmentId: string) =>
    DomainError.notFound('commitment-not-found', 'Unknown commitment', `no commitment ${commitmentId} in this budget`),
  firstCome: (budgetId: string) =>
    DomainError.conflict(
      'funding-first-come',
      'The budget funds first-come',
      `budget ${budgetId} decides each request on arrival: set its funding policy to by-need to decide funding windows`,
    ),
  commitmentState: (c: Commitment) =>
    DomainError.conflict(
      'commitment-state',
      'Not possible in the commitment’s current state',
      `commitment ${c.commitmentId} is ${c.status}`,
      { currentState: c.status },
    ),
};

/** Rupiah are integers: no fractions, no negatives, nothing JavaScript cannot add exactly. */
export function requireRupiah(field: string, value: number, min: 0 | 1) {
  if (!Number.isSafeInteger(value) || value < min)
    throw problems.invalid(field, `must be a whole number of rupiah${min ? ' above zero' : ', zero or more'}`);
}
