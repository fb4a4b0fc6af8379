import type { EventContract } from '../event-contract';
import type { ProgrammeForm } from './shared.types';

// Stream `training-plan-<year>-<opd>`: an OPD's training plan for a fiscal year (analisis kebutuhan
// pelatihan → rencana). Stream `development-plan-<year>-<nip>`: one staff member's individual development plan.

/** Where a plan line came from: the needs analysis' four sources, or typed in by the officer. */
export const PLAN_LINE_SOURCES = [
  'competency-gap',
  'jp-shortfall',
  'weak-skm-element',
  'certification-expiring',
  'other',
] as const;
export type PlanLineSource = (typeof PLAN_LINE_SOURCES)[number];

/** One line of a training plan: who should learn what, how, when, at what cost. Money in whole rupiah. */
export interface PlanLine {
  /** Stable within the plan across revisions (`L1`, `gap-komunikasi`, …). */
  lineId: string;
  /** A competency code known to the city (the national ones, the agency's dictionary, or a published programme's area). */
  competencyArea: string;
  source: PlanLineSource;
  /** 1 (most needed) … 5. The budget's by-need funding scores requests covered by a line from it. */
  priority: number;
  /** The quarter of the fiscal year the training is planned in; null: any time in the year. */
  quarter: 1 | 2 | 3 | 4 | null;
  form: ProgrammeForm;
  /** Whole people, zero or more. */
  headCount: number;
  /** The NIPs named (at most headCount; the rest are places still to be filled). */
  people: string[];
  jpPerPerson: number;
  costPerJp: number;
  /** headCount × jpPerPerson × costPerJp. */
  estimatedRupiah: number;
  /** Why the line is there, in words (e.g. `NRR u7 2.61 at PKM-PLUS-MANDIANGIN, 2026-Q3`). */
  rationale: string;
}

export interface PlanTotals {
  lines: number;
  /** Distinct people named, plus unnamed places. */
  people: number;
  jp: number;
  rupiah: number;
}

export interface PlanLineChange {
  lineId: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: the fields that differ. */
  fields: string[];
}

interface PlanRef {
  /** `<year>-<opd>`. */
  planId: string;
  opd: string;
  year: number;
  /** 1 for the draft, +1 for each revision: what an approval names. */
  revision: number;
}

export type TrainingPlanDrafted = {
  type: 'TrainingPlanDrafted';
  data: PlanRef & {
    lines: PlanLine[];
    /** The city date of the needs analysis the draft started from; null when the lines were typed in. */
    proposedAsOf: string | null;
  };
};
/** The whole set of lines after the change, and what changed (who and when: the event's metadata). */
export type TrainingPlanRevised = {
  type: 'TrainingPlanRevised';
  data: PlanRef & { lines: PlanLine[]; changes: PlanLineChange[]; note: string | null };
};
export type TrainingPlanSubmitted = {
  type: 'TrainingPlanSubmitted';
  data: PlanRef & { submittedOn: string; totals: PlanTotals };
};
export type TrainingPlanReturned = {
  type: 'TrainingPlanReturned';
  data: PlanRef & { returnedOn: string; reason: string };
};
export type TrainingPlanApproved = {
  type: 'TrainingPlanApproved';
  data: PlanRef & { approvedOn: string; totals: PlanTotals };
};

export interface DevelopmentTarget {
  competencyCode: string;
  /** The level (1..5) the staff member aims to reach this year. */
  targetLevel: number;
}
interface DevelopmentPlanRef {
  nip: string;
  year: number;
  revision: number;
}
/**
 * The staff member (or an officer for them) proposes targets for the year; a new proposal replaces the last.
 * `note` is personal data (subject `staff:<nip>`), sealed in the log.
 */
export type DevelopmentPlanProposed = {
  type: 'DevelopmentPlanProposed';
  data: DevelopmentPlanRef & {
    targets: DevelopmentTarget[];
    targetJp: number;
    note: string | null;
    proposedOn: string;
  };
};
/** The head of the staff member's OPD agreed to that revision. */
export type DevelopmentPlanAgreed = {
  type: 'DevelopmentPlanAgreed';
  data: DevelopmentPlanRef & { agreedOn: string };
};

export type TrainingPlanEvent =
  TrainingPlanDrafted | TrainingPlanRevised | TrainingPlanSubmitted | TrainingPlanReturned | TrainingPlanApproved;
export type DevelopmentPlanEvent = DevelopmentPlanProposed | DevelopmentPlanAgreed;

const TP = 'training-plan-<year>-<opd>';
const DP = 'development-plan-<year>-<nip>';
export const PLANNING_EVENTS: EventContract[] = [
  {
    type: 'TrainingPlanDrafted',
    version: 1,
    service: 'enrolment',
    stream: TP,
    description:
      'An OPD’s training plan for a fiscal year, drafted by the training officer (revision 1), usually from the needs analysis (competency gaps, JP shortfalls, weak SKM elements, expiring certifications): lines of competency area, people, form, JP, cost per JP, estimated rupiah, priority.',
  },
  {
    type: 'TrainingPlanRevised',
    version: 1,
    service: 'enrolment',
    stream: TP,
    description:
      'The plan’s lines replaced by a new revision, with the lines added, removed and changed; a submitted or approved plan goes back to draft until the head approves the new revision.',
  },
  {
    type: 'TrainingPlanSubmitted',
    version: 1,
    service: 'enrolment',
    stream: TP,
    description: 'The officer submitted a revision to the head of the OPD for approval, with its totals.',
  },
  {
    type: 'TrainingPlanReturned',
    version: 1,
    service: 'enrolment',
    stream: TP,
    description: 'The head of the OPD sent the submitted revision back to the officer, with a reason.',
  },
  {
    type: 'TrainingPlanApproved',
    version: 1,
    service: 'enrolment',
    stream: TP,
    description:
      'The head of the OPD approved the named revision (a revision that has since changed is refused with 409): its lines become the plan that by-need funding and the plan-against-actual report read.',
  },
  {
    type: 'DevelopmentPlanProposed',
    version: 1,
    service: 'enrolment',
    stream: DP,
    description:
      'A staff member’s individual development plan for a year (target competencies and levels, target JP), proposed by them or an officer; each proposal is a new revision awaiting agreement. The note is personal data (subject staff:<nip>), sealed.',
    personalFields: ['note'],
  },
  {
    type: 'DevelopmentPlanAgreed',
    version: 1,
    service: 'enrolment',
    stream: DP,
    description: 'The head of the staff member’s OPD agreed to the named revision of the development plan.',
  },
];
