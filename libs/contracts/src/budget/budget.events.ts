import type { EventContract } from '../event-contract';
import type { FundingPolicySet, FundingWindowDecided, FundsRequestQueued } from './funding.events';

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
/**
 * No budget for the unit, the allocation exhausted, or the year closed: the enrolment service waitlists.
 * In a budget stream, `allocation-exhausted` and `no-allocation` also put the request in that budget's
 * funds queue (see {@link waitsForFunds}); it is committed in turn when money comes free.
 */
export type CommitmentRejected = {
  type: 'CommitmentRejected';
  data: {
    budgetId: string | null;
    enrolmentId: string;
    /** Which funds request of the enrolment this answers (StaffEnrolled's attempt: 1, then +1 per further request). */
    attempt: number;
    programmeId: string;
    nip: string;
    opd: string;
    /** What the queue needs to find the allocations that may pay; null only in v1 events (they never wait). */
    competencyArea: string | null;
    amount: number;
    /** `outranked`: funding by need, a funding window gave the money to requests that scored higher (see FundingWindowDecided). */
    reason: 'no-budget' | 'no-allocation' | 'allocation-exhausted' | 'budget-closed' | 'outranked';
    detail: string;
  };
};

/**
 * Whether a rejection puts its request in the budget's funds queue. Not in the no-budget rejection
 * stream (no money can ever arrive there) nor in a closed budget; not for v1 rejections, recorded
 * before the queue existed (their enrolments were told to enrol again).
 */
export const waitsForFunds = (r: CommitmentRejected['data']) =>
  r.budgetId !== null &&
  r.competencyArea !== null &&
  (r.reason === 'allocation-exhausted' || r.reason === 'no-allocation' || r.reason === 'outranked');

/**
 * A waiting funds request leaves the budget's queue without money: the enrolment was withdrawn,
 * did not complete, was waitlisted for a seat, or its programme was cancelled; a newer request of it
 * replaced it (`re-requested`); or the budget closed for the year.
 */
export type FundsRequestWithdrawn = {
  type: 'FundsRequestWithdrawn';
  data: {
    budgetId: string;
    enrolmentId: string;
    attempt: number;
    programmeId: string;
    nip: string;
    amount: number;
    reason: 'withdrawn' | 'declined' | 'cancelled' | 'not-completed' | 'waitlisted' | 're-requested' | 'budget-closed';
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
    reason: 'withdrawn' | 'declined' | 'cancelled' | 'not-completed' | 'waitlisted' | 'year-closed';
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
  | FundsRequestWithdrawn
  | FundsReleased
  | ExpenditureRecorded
  | ExpenditureRejected
  | FundingPolicySet
  | FundsRequestQueued
  | FundingWindowDecided
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
    description:
      'The cost of one enrolment reserved, on its request or later from the funds queue (commitmentId ' +
      '`<budgetId>:c<n>`, the budget’s n-th commitment); the enrolment service confirms it.',
  },
  {
    type: 'CommitmentRejected',
    version: 2,
    service: 'budget',
    stream: `${B} (or budget-rejections-<fiscalYear>-<opd> when no budget exists)`,
    description:
      'No money for this funds request (enrolment and attempt), with the reason; the enrolment service waitlists it. ' +
      'Outranked: funding by need gave the window’s money to higher scores. In a budget stream, allocation-exhausted, no-allocation and outranked put it in that budget’s funds queue: it is ' +
      'committed in order when money comes free. No-budget and budget-closed rejections do not wait (re-request).',
    upcasters: [
      {
        fromVersion: 1,
        // v1 predates the queue and re-requests: the first request, and no area (so it never waits).
        upcast: (v1: Omit<CommitmentRejected['data'], 'attempt' | 'competencyArea'>) => ({
          ...v1,
          attempt: 1,
          competencyArea: null,
        }),
      },
    ],
  },
  {
    type: 'FundsRequestWithdrawn',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'A request waiting in the funds queue leaves it without money: enrolment withdrawn, not completed or ' +
      'waitlisted for a seat, programme cancelled, replaced by a re-request, or the budget closed.',
  },
  {
    type: 'FundsReleased',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'A commitment given back (withdrawal, cancellation, non-completion, waitlisting for want of a seat, or ' +
      'lapsed at year end); the money goes to the funds queue first.',
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
