import {
  type AllocationTarget,
  type BudgetEvent,
  type FundingNeed,
  type FundingPolicySet,
  type FundingSource,
  type FundingWindowDecided,
  type FundsReleased,
  waitsForFunds,
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

/** A rejected funds request waiting in the budget's queue for money to come free. */
export interface WaitingRequest {
  enrolmentId: string;
  attempt: number;
  programmeId: string;
  nip: string;
  opd: string;
  competencyArea: string;
  amount: number;
  /** What a funding window ranks it by: kept from its FundsRequestQueued; null when it never was held. */
  need: FundingNeed | null;
  /**
   * The city date of the request, when known (it was held); a request waiting since before by-need
   * funding was set counts as requested on the day it was set (it arrived no later).
   */
  requestedOn: string | null;
}

/** Funding by need: a request held until its window is decided (FundsRequestQueued). */
export interface HeldRequest extends Omit<WaitingRequest, 'requestedOn'> {
  requestedOn: string;
  decideOn: string;
}

export type FundingPolicy = Omit<FundingPolicySet['data'], 'budgetId'>;

/**
 * One fiscal-year budget of one OPD and funding source. The same state also folds a unit's
 * rejection stream (`budget-rejections-<year>-<opd>`), where it stays `unknown` and only
 * remembers which requests were answered.
 */
export interface BudgetState {
  status: 'unknown' | 'open' | 'closed';
  budgetId: string;
  fiscalYear: number;
  opd: string;
  fundingSource: FundingSource;
  ceiling: number;
  allocations: Record<string, Allocation>;
  /** By enrolment id: its latest commitment here (at most one is open at a time). */
  commitments: Record<string, Commitment>;
  /**
   * By enrolment id: the highest funds request (attempt) this stream answered. A commitment answers
   * every attempt until it is given back because the enrolment was waitlisted: then its next
   * request (a promotion to a seat) is decided again.
   */
  answered: Record<string, number>;
  /** The funds queue, in the order the requests were rejected. */
  waiting: WaitingRequest[];
  /** FundsCommitted events so far: the decider numbers new commitments from it. */
  commitmentCount: number;
  /** First-come (every budget before FundingPolicySet existed) or by-need. */
  policy: FundingPolicy;
  /** Funding by need: requests waiting for their window, in arrival order. */
  held: HeldRequest[];
  /** Funding by need: each decided window by its decision day (deciding a day again changes nothing). */
  windows: Record<string, FundingWindowDecided['data']>;
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
  answered: {},
  waiting: [],
  commitmentCount: 0,
  policy: { mode: 'first-come', windowDays: null, windowsFrom: null, setOn: '' },
  held: [],
  windows: {},
});

const EVERY_ATTEMPT = Number.MAX_SAFE_INTEGER;

export const free = (a: Allocation) => a.amount - a.committed - a.spent;
export const totalAllocated = (s: BudgetState) => Object.values(s.allocations).reduce((sum, a) => sum + a.amount, 0);
export const totalSpent = (s: BudgetState) => Object.values(s.allocations).reduce((sum, a) => sum + a.spent, 0);
/** A held request counts as answered: its answer comes with its window, and a redelivery must not hold it twice. */
export const answered = (s: BudgetState, enrolmentId: string, attempt: number) =>
  (s.answered[enrolmentId] ?? 0) >= attempt ||
  s.held.some((h) => h.enrolmentId === enrolmentId && h.attempt >= attempt);
export const waitingOf = (s: BudgetState, enrolmentId: string) => s.waiting.find((w) => w.enrolmentId === enrolmentId);

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
const withAnswer = (s: BudgetState, enrolmentId: string, attempt: number): BudgetState => ({
  ...s,
  answered: { ...s.answered, [enrolmentId]: attempt },
});
/** Out of the funds queue and out of the held requests alike. */
const leavingQueue = (s: BudgetState, enrolmentId: string): BudgetState => ({
  ...s,
  waiting: s.waiting.filter((w) => w.enrolmentId !== enrolmentId),
  held: s.held.filter((h) => h.enrolmentId !== enrolmentId),
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
        ...withAnswer(leavingQueue(next, enrolmentId), enrolmentId, EVERY_ATTEMPT),
        commitmentCount: s.commitmentCount + 1,
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
    case 'CommitmentRejected': {
      const r = event.data;
      // A newer request of the same enrolment takes its place at the end of the line; a held one
      // that its window did not fund keeps its need and date for the next window's ranking.
      const held = s.held.find((h) => h.enrolmentId === r.enrolmentId);
      const next = withAnswer(leavingQueue(s, r.enrolmentId), r.enrolmentId, r.attempt);
      if (!waitsForFunds(r) || r.competencyArea === null) return next;
      const { enrolmentId, attempt, programmeId, nip, opd, amount, competencyArea } = r;
      const need = held?.need ?? null;
      const requestedOn = held?.requestedOn ?? null;
      return {
        ...next,
        waiting: [
          ...next.waiting,
          { enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount, need, requestedOn },
        ],
      };
    }
    case 'FundsRequestWithdrawn':
      return leavingQueue(s, event.data.enrolmentId);
    case 'FundsReleased': {
      const { allocationId, enrolmentId, amount, reason } = event.data;
      const next = withAllocation(s, allocationId, (a) => ({ committed: a.committed - amount }));
      const released = withCommitment(next, enrolmentId, { status: 'released', releaseReason: reason });
      return reason === 'waitlisted' ? withAnswer(released, enrolmentId, 0) : released;
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
    case 'FundingPolicySet': {
      const { mode, windowDays, windowsFrom, setOn } = event.data;
      // Requests already waiting when by-need starts are ranked as requested that day (see WaitingRequest).
      const waiting =
        mode === 'by-need' ? s.waiting.map((w) => ({ ...w, requestedOn: w.requestedOn ?? setOn })) : s.waiting;
      return { ...s, policy: { mode, windowDays, windowsFrom, setOn }, waiting };
    }
    case 'FundsRequestQueued': {
      const { enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount, need, requestedOn, decideOn } =
        event.data;
      const next = leavingQueue(s, enrolmentId);
      const held = { enrolmentId, attempt, programmeId, nip, opd, competencyArea, amount, need, requestedOn, decideOn };
      return { ...next, held: [...next.held, held] };
    }
    case 'FundingWindowDecided':
      return { ...s, windows: { ...s.windows, [event.data.decisionDay]: event.data } };
    case 'BudgetClosed':
      return { ...s, status: 'closed' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
