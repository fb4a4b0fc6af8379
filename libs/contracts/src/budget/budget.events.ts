import type { EventContract } from '../event-contract';

export const FUNDING_SOURCES = ['APBD', 'APBN', 'DAK', 'hibah', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** What an allocation is for: a programme, or a competency area (any programme in it). */
export type AllocationTarget = { kind: 'programme'; programmeId: string } | { kind: 'competency-area'; competencyArea: string };

/** Stream `budget-<fiscalYear>-<opd>-<fundingSource>`. All amounts are rupiah, integers. */
export type BudgetOpened = { type: 'BudgetOpened'; data: { budgetId: string; fiscalYear: number; opd: string; fundingSource: FundingSource; ceiling: number } };
export type FundsAllocated = { type: 'FundsAllocated'; data: { budgetId: string; allocationId: string; target: AllocationTarget; amount: number } };
export type AllocationRevised = { type: 'AllocationRevised'; data: { budgetId: string; allocationId: string; amount: number; previousAmount: number } };
export type FundsCommitted = {
  type: 'FundsCommitted';
  data: { budgetId: string; allocationId: string; commitmentId: string; enrolmentId: string; programmeId: string; nip: string; opd: string; amount: number };
};
/** No budget for the unit, the allocation exhausted, or the year closed: the enrolment service waitlists. */
export type CommitmentRejected = {
  type: 'CommitmentRejected';
  data: { budgetId: string | null; enrolmentId: string; programmeId: string; nip: string; opd: string; amount: number;
    reason: 'no-budget' | 'no-allocation' | 'allocation-exhausted' | 'budget-closed'; detail: string };
};
export type FundsReleased = {
  type: 'FundsReleased';
  data: { budgetId: string; allocationId: string; commitmentId: string; enrolmentId: string; amount: number; reason: 'withdrawn' | 'cancelled' | 'not-completed' | 'waitlisted' };
};
export type ExpenditureRecorded = {
  type: 'ExpenditureRecorded';
  data: { budgetId: string; allocationId: string; commitmentId: string; enrolmentId: string; programmeId: string; nip: string; committed: number; amount: number; jp: number };
};
export type BudgetClosed = { type: 'BudgetClosed'; data: { budgetId: string; unspent: number } };

export type BudgetEvent = BudgetOpened | FundsAllocated | AllocationRevised | FundsCommitted | CommitmentRejected | FundsReleased | ExpenditureRecorded | BudgetClosed;

const B = 'budget-<fiscalYear>-<opd>-<fundingSource>';
export const BUDGET_EVENTS: EventContract[] = [
  { type: 'BudgetOpened', version: 1, service: 'budget', stream: B, description: 'A fiscal-year training budget for an OPD and funding source, with its ceiling.' },
  { type: 'FundsAllocated', version: 1, service: 'budget', stream: B, description: 'Part of the ceiling allocated to a programme or a competency area.' },
  { type: 'AllocationRevised', version: 1, service: 'budget', stream: B, description: 'An allocation changed (never below what is committed and spent).' },
  { type: 'FundsCommitted', version: 1, service: 'budget', stream: B, description: 'The cost of one enrolment reserved; the enrolment service confirms it.' },
  { type: 'CommitmentRejected', version: 1, service: 'budget', stream: `${B} (or budget-rejections-<fiscalYear>-<opd> when no budget exists)`, description: 'No money for this enrolment, with the reason; the enrolment service waitlists it.' },
  { type: 'FundsReleased', version: 1, service: 'budget', stream: B, description: 'A commitment given back (withdrawal, cancellation, non-completion).' },
  { type: 'ExpenditureRecorded', version: 1, service: 'budget', stream: B, description: 'The actual cost on completion (may differ from the commitment).' },
  { type: 'BudgetClosed', version: 1, service: 'budget', stream: B, description: 'The fiscal year is closed; nothing more is committed.' },
];
