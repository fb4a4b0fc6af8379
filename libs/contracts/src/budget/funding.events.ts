import type { EventContract } from '../event-contract';
import type { FundingNeed } from '../enrolment/funding-need.types';

// Stream `budget-<fiscalYear>-<opd>-<fundingSource>` (with budget.events.ts): funding by need, in
// decision windows — the budget's answer when requests exceed what is left (issue #20).

/**
 * How the budget decides funds requests when they exceed what is left. `first-come`: each request is
 * decided on arrival and the funds queue is served in arrival order (the default, and what every
 * budget did before this event existed). `by-need`: requests are held and decided together at the end
 * of each decision window (every `windowDays` days from `windowsFrom`, a city date), highest score first.
 */
export type FundingPolicySet = {
  type: 'FundingPolicySet';
  data: {
    budgetId: string;
    mode: 'first-come' | 'by-need';
    windowDays: number | null;
    windowsFrom: string | null;
    setOn: string;
  };
};
/** Funding by need: a funds request held until its window is decided (the enrolment stays pending funds). */
export type FundsRequestQueued = {
  type: 'FundsRequestQueued';
  data: {
    budgetId: string;
    enrolmentId: string;
    attempt: number;
    programmeId: string;
    nip: string;
    opd: string;
    competencyArea: string;
    amount: number;
    need: FundingNeed | null;
    /** The city date the request arrived (ties in score go to the earlier). */
    requestedOn: string;
    /** The decision day of the window it will be decided in. */
    decideOn: string;
  };
};
/** The parts of a request's priority score (scoreVersion 1: see docs/planning/funding-by-need.md), summing to `score`. */
export interface ScoreParts {
  plan: number;
  jpShortfall: number;
  gap: number;
  ikm: number;
}
export interface FundingDecision {
  enrolmentId: string;
  attempt: number;
  nip: string;
  programmeId: string;
  amount: number;
  requestedOn: string;
  need: FundingNeed | null;
  score: number;
  parts: ScoreParts;
  /** 1 = decided first. */
  rank: number;
  outcome: 'funded' | 'waitlisted';
  /** The allocation that pays (funded), else null. */
  allocationId: string | null;
  /** In words: why this outcome (e.g. `rank 3 of 7; 1,200,000 left in area-komunikasi after ranks 1–2`). */
  explanation: string;
}
/**
 * Funding by need: the window's requests (held, and those still waiting from earlier windows) ranked by
 * score, then by request date; funded in rank order while the money lasts. FundsCommitted follows in the
 * same append for each funded one, CommitmentRejected (outranked) for each newly waitlisted one.
 */
export type FundingWindowDecided = {
  type: 'FundingWindowDecided';
  data: {
    budgetId: string;
    /** The window's decision day (a city date): at most one decision per day. */
    decisionDay: string;
    decidedOn: string;
    scoreVersion: 1;
    decisions: FundingDecision[];
  };
};
const B = 'budget-<fiscalYear>-<opd>-<fundingSource>';
export const FUNDING_EVENTS: EventContract[] = [
  {
    type: 'FundingPolicySet',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'How the budget decides funds requests: first-come (each on arrival, the queue in arrival order; the default) or by-need (held and decided together every windowDays days from windowsFrom, highest priority score first).',
  },
  {
    type: 'FundsRequestQueued',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'Funding by need: a funds request held with the need it was made with (plan line, JP shortfall, competency gap, the unit’s IKM grade) until its window is decided; the enrolment stays pending funds.',
  },
  {
    type: 'FundingWindowDecided',
    version: 1,
    service: 'budget',
    stream: B,
    description:
      'Funding by need: every request of the window (held, and still waiting from earlier windows) with its score, the score’s parts, its rank and outcome (funded from which allocation, or waitlisted) and why; FundsCommitted and CommitmentRejected (outranked) follow in the same append. Deciding the same window again changes nothing.',
  },
];
