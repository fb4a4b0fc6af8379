import type { AllocationTarget, FundingSource, FundsReleased } from '@kompeten/contracts';

/** What the enrolment service asks of a unit's budget when a seat is taken (from StaffEnrolled). */
export interface CommitmentRequest {
  commitmentId: string;
  enrolmentId: string;
  programmeId: string;
  nip: string;
  opd: string;
  fiscalYear: number;
  competencyArea: string;
  /** Rupiah, integer: the programme's cost per participant. */
  amount: number;
}

/** Releases the enrolment service can cause (closing the year lapses commitments itself). */
export type ReleaseReason = Exclude<FundsReleased['data']['reason'], 'year-closed'>;

/** Everything the budget decider can be asked; handlers and reactions fill in ids. */
export type BudgetCommand =
  | {
      type: 'OpenBudget';
      budgetId: string;
      fiscalYear: number;
      opd: string;
      fundingSource: FundingSource;
      ceiling: number;
    }
  | { type: 'AllocateFunds'; target: AllocationTarget; amount: number }
  | { type: 'ReviseAllocation'; allocationId: string; amount: number }
  | { type: 'CloseBudget' }
  | ({ type: 'CommitFunds' } & CommitmentRequest)
  | { type: 'ReleaseFunds'; enrolmentId: string; reason: ReleaseReason }
  | { type: 'ReleaseProgrammeFunds'; programmeId: string; reason: ReleaseReason }
  /** By a finance officer, for one commitment: refused (4xx) when it does not fit. */
  | { type: 'RecordExpenditure'; commitmentId: string; amount: number; jp: number }
  /** On TrainingCompleted: never refused, but answered with ExpenditureRejected when it does not fit. */
  | { type: 'RecordCompletionCost'; enrolmentId: string; amount: number; jp: number };
