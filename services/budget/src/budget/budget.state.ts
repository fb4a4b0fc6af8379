import type {
  AllocationTarget,
  BudgetEvent,
  CommitmentRejected,
  FundingSource,
  FundsReleased,
} from '@kompeten/contracts';

export interface Allocation {
  allocationId: string;
  target: AllocationTarget;
  amount: number;
  committed: number;
  spent: number;
}

export interface Commitment {
  commitmentId: string;
  enrolmentId: string;
  programmeId: string;
  nip: string;
  allocationId: string;
  amount: number;
  status: 'open' | 'released' | 'spent';
  releaseReason: FundsReleased['data']['reason'] | null;
  /** An ExpenditureRejected was recorded for it (answered once). */
  expenditureRejected: boolean;
}

/**
 * One fiscal-year budget of one OPD and funding source. The same state also folds a unit's
 * rejection stream (`budget-rejections-<year>-<opd>`), where it stays `unknown` and only
 * remembers which enrolments were answered.
 */
export interface BudgetState {
  status: 'unknown' | 'open' | 'closed';
  budgetId: string;
  fiscalYear: number;
  opd: string;
  fundingSource: FundingSource;
  ceiling: number;
  allocations: Record<string, Allocation>;
  /** By enrolment id: at most one commitment per enrolment, ever. */
  commitments: Record<string, Commitment>;
  /** By enrolment id: enrolments this stream answered with a rejection. */
  rejections: Record<string, CommitmentRejected['data']['reason']>;
}

export const initialBudgetState = (): BudgetState => ({
  status: 'unknown',
  budgetId: '',
  fiscalYear: 0,
  opd: '',
  fundingSource: 'APBD',
  ceiling: 0,
  allocations: {},
  commitments: {},
  rejections: {},
});

export const free = (a: Allocation) => a.amount - a.committed - a.spent;
export const totalAllocated = (s: BudgetState) => Object.values(s.allocations).reduce((sum, a) => sum + a.amount, 0);
export const totalSpent = (s: BudgetState) => Object.values(s.allocations).reduce((sum, a) => sum + a.spent, 0);
export const answered = (s: BudgetState, enrolmentId: string) =>
  enrolmentId in s.commitments || enrolmentId in s.rejections;

export const allocationIdFor = (t: AllocationTarget) =>
  t.kind === 'programme' ? `programme-${t.programmeId}` : `area-${t.competencyArea}`;

const withAllocation = (s: BudgetState, id: string, change: (a: Allocation) => Partial<Allocation>): BudgetState => ({
  ...s,
  allocations: { ...s.allocations, [id]: { ...s.allocations[id], ...change(s.allocations[id]) } },
});
const withCommitment = (s: BudgetState, enrolmentId: string, change: Partial<Commitment>): BudgetState => ({
  ...s,
  commitments: { ...s.commitments, [enrolmentId]: { ...s.commitments[enrolmentId], ...change } },
});

export function evolveBudget(s: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'BudgetOpened': {
      const { budgetId, fiscalYear, opd, fundingSource, ceiling } = event.data;
      return { ...s, status: 'open', budgetId, fiscalYear, opd, fundingSource, ceiling };
    }
    case 'FundsAllocated': {
      const { allocationId, target, amount } = event.data;
      return {
        ...s,
        allocations: { ...s.allocations, [allocationId]: { allocationId, target, amount, committed: 0, spent: 0 } },
      };
    }
    case 'AllocationRevised':
      return withAllocation(s, event.data.allocationId, () => ({ amount: event.data.amount }));
    case 'FundsCommitted': {
      const { commitmentId, enrolmentId, programmeId, nip, allocationId, amount } = event.data;
      const next = withAllocation(s, allocationId, (a) => ({ committed: a.committed + amount }));
      return {
        ...next,
        commitments: {
          ...next.commitments,
          [enrolmentId]: {
            commitmentId,
            enrolmentId,
            programmeId,
            nip,
            allocationId,
            amount,
            status: 'open',
            releaseReason: null,
            expenditureRejected: false,
          },
        },
      };
    }
    case 'CommitmentRejected':
      return { ...s, rejections: { ...s.rejections, [event.data.enrolmentId]: event.data.reason } };
    case 'FundsReleased': {
      const next = withAllocation(s, event.data.allocationId, (a) => ({ committed: a.committed - event.data.amount }));
      return withCommitment(next, event.data.enrolmentId, { status: 'released', releaseReason: event.data.reason });
    }
    case 'ExpenditureRecorded': {
      const { allocationId, enrolmentId, committed, amount } = event.data;
      const next = withAllocation(s, allocationId, (a) => ({
        committed: a.committed - committed,
        spent: a.spent + amount,
      }));
      return withCommitment(next, enrolmentId, { status: 'spent' });
    }
    case 'ExpenditureRejected':
      return withCommitment(s, event.data.enrolmentId, { expenditureRejected: true });
    case 'BudgetClosed':
      return { ...s, status: 'closed' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
