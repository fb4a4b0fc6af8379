import type {
  AllocationTarget,
  FundingNeed,
  FundingPolicySet,
  FundingSource,
  FundsReleased,
} from '@kompeten/contracts';

/** What the enrolment service asks of a unit's budget when a seat is taken (from StaffEnrolled). */
export interface CommitmentRequest {
  enrolmentId: string;
  /** 1 for the enrolment's first request, +1 for each re-request: each is answered once. */
  attempt: number;
  programmeId: string;
  nip: string;
  opd: string;
  fiscalYear: number;
  competencyArea: string;
  /** Rupiah, integer: the programme's cost per participant. */
  amount: number;
  /** How much the staff member needs it (StaffEnrolled.need): what funding by need scores. */
  need: FundingNeed | null;
  /** The city date the request was made (ties in score go to the earlier). */
  requestedOn: string;
}

/** Releases the enrolment service can cause (closing the year lapses commitments itself). */
export type ReleaseReason = Exclude<FundsReleased['data']['reason'], 'year-closed'>;

/**
 * Everything the budget decider can be asked; handlers and reactions fill in the rest. The decider
 * names new commitments itself (`<budgetId>:c<n>`), so no command carries an id for them.
 */
export type BudgetCommand =
  | {
      type: 'OpenBudget';
      budgetId: string;
      fiscalYear: number;
      opd: string;
      fundingSource: FundingSource;
      ceiling: number;
      /** The city's fiscal year today: a budget may be opened for the next one, not beyond. */
      thisYear: number;
    }
  | { type: 'AllocateFunds'; target: AllocationTarget; amount: number }
  | { type: 'ReviseAllocation'; allocationId: string; amount: number }
  | { type: 'CloseBudget' }
  | ({ type: 'CommitFunds' } & CommitmentRequest)
  /** The enrolment ended or was waitlisted: its open commitment is released and its waiting request leaves the queue. */
  | { type: 'ReleaseFunds'; enrolmentId: string; reason: ReleaseReason }
  | { type: 'ReleaseProgrammeFunds'; programmeId: string; reason: ReleaseReason }
  /** A newer request (`attempt`) of the enrolment arrived: an older one waiting here leaves the queue. */
  | { type: 'WithdrawFundsRequest'; enrolmentId: string; attempt: number }
  /** By a finance officer, for one commitment: refused (4xx) when it does not fit. */
  | { type: 'RecordExpenditure'; commitmentId: string; amount: number; jp: number }
  /** How requests are decided from now on; by-need needs windowDays (1..92) and windowsFrom (a city date). */
  | {
      type: 'SetFundingPolicy';
      mode: FundingPolicySet['data']['mode'];
      windowDays: number | null;
      windowsFrom: string | null;
      /** The city's date today. */
      today: string;
    }
  /** Funding by need: rank and fund the held requests of the window decided on `decisionDay` (≤ today). */
  | { type: 'DecideFundingWindow'; decisionDay: string; today: string }
  /** On TrainingCompleted: never refused, but answered with ExpenditureRejected when it does not fit. */
  | { type: 'RecordCompletionCost'; enrolmentId: string; amount: number; jp: number };
