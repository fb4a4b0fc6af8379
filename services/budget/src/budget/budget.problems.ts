import { DomainProblem } from '@kompeten/platform';
import type { Commitment } from './budget.state';

/** The budget decider's refusals, each with its HTTP status and problem type. */
export const problems = {
  notFound: () => {
    const message = 'no such budget: the unit has no budget for that year and funding source';
    return new DomainProblem(404, 'budget-not-found', 'Unknown budget', message, {
      errors: [{ field: 'budgetId', message }],
    });
  },
  exists: (budgetId: string) =>
    new DomainProblem(409, 'budget-exists', 'Budget already opened', `budget ${budgetId} is already open`),
  closed: (budgetId: string) =>
    new DomainProblem(409, 'budget-closed', 'Budget closed', `budget ${budgetId} is closed for the year`),
  invalid: (field: string, message: string) =>
    new DomainProblem(400, 'validation', 'The request is not valid', `${field}: ${message}`, {
      errors: [{ field, message }],
    }),
  allocationNotFound: (allocationId: string) =>
    new DomainProblem(
      404,
      'allocation-not-found',
      'Unknown allocation',
      `no allocation ${allocationId} in this budget`,
    ),
  allocationExists: (allocationId: string) =>
    new DomainProblem(
      409,
      'allocation-exists',
      'Already allocated',
      `allocation ${allocationId} exists; revise it instead`,
      { allocationId },
    ),
  commitmentNotFound: (commitmentId: string) =>
    new DomainProblem(
      404,
      'commitment-not-found',
      'Unknown commitment',
      `no commitment ${commitmentId} in this budget`,
    ),
  commitmentState: (c: Commitment) =>
    new DomainProblem(
      409,
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
