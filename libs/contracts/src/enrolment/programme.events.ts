import type { EventContract } from '../event-contract';
import type { CompetencyType, ProgrammeForm, WithdrawalReason, WorkUnit } from './shared.types';

export interface Session {
  sessionId: string;
  date: string;
  title: string;
}
/** Self-paced programmes complete when every module is completed with at least the minimum score. */
export interface CompletionRule {
  modules: string[];
  minScore: number | null;
}

export interface ProgrammeDetails {
  title: string;
  competencyType: CompetencyType;
  competencyArea: string;
  form: ProgrammeForm;
  universityPartner: string | null;
  jp: number;
  /** Rupiah, integer. */
  costPerParticipant: number;
  capacity: number;
  /** The OPD whose budget pays (BKPSDM for city-wide programmes). */
  fundingOpd: string;
  sessions: Session[];
  completionRule: CompletionRule | null;
}

/** Stream `programme-<programmeId>`: the catalogue entry and everyone taking part in it. */
export type ProgrammePublished = { type: 'ProgrammePublished'; data: { programmeId: string } & ProgrammeDetails };
export type ProgrammeRevised = {
  type: 'ProgrammeRevised';
  data: { programmeId: string; changes: Partial<ProgrammeDetails> };
};
export type ProgrammeCancelled = {
  type: 'ProgrammeCancelled';
  data: { programmeId: string; reason: string; affectedNips: string[] };
};

/** A seat is taken; confirmation waits for the budget's FundsCommitted. */
export type StaffEnrolled = {
  type: 'StaffEnrolled';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    workUnit: WorkUnit;
    fundingOpd: string;
    costPerParticipant: number;
    jp: number;
    competencyType: CompetencyType;
    competencyArea: string;
    year: number;
  };
};
export type EnrolmentConfirmed = {
  type: 'EnrolmentConfirmed';
  data: { enrolmentId: string; programmeId: string; nip: string; commitmentId: string };
};
/** `capacity`: no seat (waits for one); `funds`: the budget rejected the commitment. */
export type EnrolmentWaitlisted = {
  type: 'EnrolmentWaitlisted';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    workUnit: WorkUnit;
    reason: 'capacity' | 'funds';
    detail: string | null;
  };
};
export type EnrolmentWithdrawn = {
  type: 'EnrolmentWithdrawn';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    reason: WithdrawalReason;
    note: string | null;
    wasConfirmed: boolean;
  };
};
export type SessionAttended = {
  type: 'SessionAttended';
  data: { enrolmentId: string; programmeId: string; nip: string; sessionId: string };
};
export type SessionMissed = {
  type: 'SessionMissed';
  data: { enrolmentId: string; programmeId: string; nip: string; sessionId: string };
};
/** One xAPI-like statement from the e-learning platform or the mobile app (deduplicated by statementId). */
export type LearningProgressRecorded = {
  type: 'LearningProgressRecorded';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    statementId: string;
    verb: 'started' | 'completed' | 'scored' | 'spent';
    moduleId: string;
    score: number | null;
    seconds: number | null;
    deviceTimestamp: string;
  };
};
export type TrainingCompleted = {
  type: 'TrainingCompleted';
  data: {
    enrolmentId: string;
    programmeId: string;
    nip: string;
    jp: number;
    year: number;
    completedOn: string;
    competencyType: CompetencyType;
    competencyArea: string;
    workUnit: WorkUnit;
    fundingOpd: string;
    costPerParticipant: number;
  };
};
export type TrainingNotCompleted = {
  type: 'TrainingNotCompleted';
  data: { enrolmentId: string; programmeId: string; nip: string; reason: string };
};

export type ProgrammeEvent =
  | ProgrammePublished
  | ProgrammeRevised
  | ProgrammeCancelled
  | StaffEnrolled
  | EnrolmentConfirmed
  | EnrolmentWaitlisted
  | EnrolmentWithdrawn
  | SessionAttended
  | SessionMissed
  | LearningProgressRecorded
  | TrainingCompleted
  | TrainingNotCompleted;

const P = 'programme-<programmeId>';
export const PROGRAMME_EVENTS: EventContract[] = [
  {
    type: 'ProgrammePublished',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'A programme enters the catalogue: competency type and area, form, JP, cost per participant, capacity, sessions.',
  },
  {
    type: 'ProgrammeRevised',
    version: 1,
    service: 'enrolment',
    stream: P,
    description: 'Catalogue details change (never capacity below the seats taken).',
  },
  {
    type: 'ProgrammeCancelled',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'The programme is cancelled; affectedNips lists every enrolled or waitlisted staff member (budget releases their funds).',
  },
  {
    type: 'StaffEnrolled',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'A seat is taken and the cost is asked of the funding OPD’s budget; confirmation follows FundsCommitted.',
  },
  {
    type: 'EnrolmentConfirmed',
    version: 1,
    service: 'enrolment',
    stream: P,
    description: 'The budget committed the funds; the enrolment is confirmed.',
  },
  {
    type: 'EnrolmentWaitlisted',
    version: 1,
    service: 'enrolment',
    stream: P,
    description: 'No seat (capacity) or no funds (CommitmentRejected); the staff member waits.',
  },
  {
    type: 'EnrolmentWithdrawn',
    version: 1,
    service: 'enrolment',
    stream: P,
    description: 'The staff member withdraws, with a reason from a fixed list (workload, illness, transfer, other).',
  },
  { type: 'SessionAttended', version: 1, service: 'enrolment', stream: P, description: 'Attendance at one session.' },
  { type: 'SessionMissed', version: 1, service: 'enrolment', stream: P, description: 'Absence from one session.' },
  {
    type: 'LearningProgressRecorded',
    version: 1,
    service: 'enrolment',
    stream: P,
    description:
      'A self-paced learning statement (module started/completed/scored, time spent), applied once per statementId.',
  },
  {
    type: 'TrainingCompleted',
    version: 1,
    service: 'enrolment',
    stream: P,
    description: 'Completion; the JP are credited to the staff member’s ledger for that year.',
  },
  {
    type: 'TrainingNotCompleted',
    version: 1,
    service: 'enrolment',
    stream: P,
    description: 'The programme ended without completion for this staff member.',
  },
];
