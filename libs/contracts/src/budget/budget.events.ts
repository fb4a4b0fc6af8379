import type { EventContract } from '../event-contract';

export const FUNDING_SOURCES = ['APBD', 'APBN', 'DAK', 'hibah', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** What an allocation is for: a programme, or a competency area (any programme in it). */
export type AllocationTarget =
  { kind: 'programme'; programmeId: string } | { kind: 'competency-area'; competencyArea: string };

/** Stream `budget-<fiscalYear>-<opd>-<fundingSource>`. All amounts are rupiah, integers. */
export type BudgetOpened = {
  type: 'BudgetOpened';
  data: { budgetId: string; fiscalYear: number; opd: string; fundingSource: FundingSource; ceiling: number };
};
export type FundsAllocated = {
  type: 'FundsAllocated';
  data: { budgetId: string; allocationId: string; target: AllocationTarget; amount: number };
};
export type AllocationRevised = {
  type: 'AllocationRevised';
  data: { budgetId: string; allocationId: string; amount: number; previousAmount: number };
};
export type FundsCommitted = {
  type: 'FundsCommitted';
  data: {
    budgetId: string;
    allocationId: string;
    commitmentId: string;
    enrolmentId: string;
    programmeId: string;
    nip: string;
    opd: string;
    amount: number;
  };
};
/** No budget for the unit, the allocation exhausted, or the year closed: the enrolment service waitlists. */
export type CommitmentRejected = {
  type: 'CommitmentRejected';
  data: {
    budgetId: string | null;
    enrolmentId: string;
    programmeId: string;
    nip: string;
    opd: string;
    amount: number;
    reason: 'no-budget' | 'no-allocation' | 'allocation-exhausted' | 'budget-closed';
    detail: string;
  };
};
/** `year-closed`: the commitment lapsed when the fiscal year was closed. */
export type FundsReleased = {
  type: 'FundsReleased';
  data: {
    budgetId: string;
    allocationId: string;
    commitmentId: string;
    enrolmentId: string;
    amount: number;
    reason: 'withdrawn' | 'cancelled' | 'not-completed' | 'waitlisted' | 'year-closed';
  };
};
export type ExpenditureRecorded = {
  type: 'ExpenditureRecorded';
  data: {
    budgetId: string;
    allocationId: string;
    commitmentId: string;
    enrolmentId: string;
    programmeId: string;
    nip: string;
    committed: number;
    amount: number;
    jp: number;
  };
};
/**
 * A completion's cost could not be booked: it exceeds what the commitment and the allocation's free
 * money cover (revise the allocation, then record it by hand), or the commitment lapsed at year end.
 * The commitment stays as it was, so committed + spent never exceeds the allocation.
 */
export type ExpenditureRejected = {
  type: 'ExpenditureRejected';
  data: {
    budgetId: string;
    allocationId: string;
    commitmentId: string;
    enrolmentId: string;
    programmeId: string;
    nip: string;
    committed: number;
    amount: number;
    reason: 'exceeds-allocation' | 'commitment-lapsed';
    detail: string;
  };
};
export type BudgetClosed = { type: 'BudgetClosed'; data: { budgetId: string; unspent: number } };

export type BudgetEvent =
  | BudgetOpened
  | FundsAllocated
  | AllocationRevised
  | FundsCommitted
  | CommitmentRejected
  | FundsReleased
  | ExpenditureRecorded
  | ExpenditureRejected
  | BudgetClosed;

const B = 'budget-<fiscalYear>-<opd>-<fundingSource>';
export const BUDGET_EVENTS: EventContract[] = [
  {
    type: 'BudgetOpened',
    version: 1,
    service: 'budget',
    stream: B,
    description: 'A fiscal-year training budget for an OPD and funding source, with its ceiling.',
  },
  {
    type: 'FundsAllocated',
    version: 1,
    service: 'budget',
    stream: B,
    description: 'Part of the ceiling allocated to a programme or a competency area.',
  },
  {
    type: 'AllocationRevised',
    version: 1,
    service: 'budget',
    stream: B,
    description: 'An allocation changed (never below what is committed and spent).',
  },
  {
    type: 'FundsCommitted',
    version: 1,
    service: 'budget',
    stream: B,
    description: 'The cost of one enrolment reserved; the enrolment service confirms it.',
  },
  {
    type: 'CommitmentRejected',
    version: 1,
    service: 'budget',
    stream: `${B} (or budget-rejections-<fiscalYear>-<opd> when no budget exists)`,
    description: 'No money for this enrolment, with the reason; the enrolment service waitlists it.',
  },
  {
    type: 'FundsReleased',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'A commitment given back (withdrawal, cancellation, non-completion, funds waitlisting, or lapsed at year end).',
  },
  {
    type: 'ExpenditureRecorded',
    version: 1,
    service: 'budget',
    stream: B,
    description: 'The actual cost on completion (may differ from the commitment).',
  },
  {
    type: 'ExpenditureRejected',
    version: 1,
    service: 'budget',
    stream: B,
    description: 'A completion cost the allocation cannot cover (or a lapsed commitment); the commitment is unchanged.',
  },
  {
    type: 'BudgetClosed',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'The fiscal year is closed: open commitments lapse (FundsReleased year-closed), nothing more is committed.',
  },
];
