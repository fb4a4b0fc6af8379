import type { EventContract } from '../event-contract';
import type { FundingNeed } from './funding-need.types';
import type { EnrolmentApproved, EnrolmentDeclined, EnrolmentFunded } from './release.events';
import type {
  AttendanceOverrideReason,
  CompetencyType,
  NonCompletionReason,
  ProgrammeForm,
  WithdrawalReason,
  WorkUnit,
} from './shared.types';

/**
 * One session of a classroom programme: its day and, since v3, its time (city time, `HH:MM`; null: the
 * whole day — sessions published before times existed), its place (a venue or an online link) and trainer.
 */
export interface Session {
  sessionId: string;
  date: string;
  title: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  onlineUrl: string | null;
  trainer: string | null;
}
/** A session as v1/v2 events stored it (a date only). */
export type SessionV2 = Pick<Session, 'sessionId' | 'date' | 'title'>;
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
  /** The fiscal year its costs are charged to; null: the year of the first session (or of the enrolment without sessions). */
  fiscalYear: number | null;
  /** Share of the sessions (0–1) a participant attends to complete, unless an officer overrides with a reason. */
  attendanceThreshold: number;
  /** Whether staff may still enrol after the first session's date. */
  lateEnrolment: boolean;
  /**
   * Whether a seat is confirmed only once the staff member's unit head has released them (approval and
   * surat tugas) as well as the budget having committed the funds. False for programmes published before v3.
   */
  releaseRequired: boolean;
}

/** Why an officer completed a participant below the attendance threshold. */
export interface AttendanceOverride {
  reason: AttendanceOverrideReason;
  note: string | null;
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
    /** The fiscal year charged: the programme's (explicit, or its first session's), else the year of enrolledOn. */
    year: number;
    /** 1 for the enrolment's first funds request, +1 on each officer re-request (the budget answers each once). */
    attempt: number;
    /** The city date the staff member enrolled (for a promotion from the waitlist: the day the seat was given); null in v1. */
    enrolledOn: string | null;
    /** How much the staff member needs it, read on the day of enrolment (what by-need funding scores); null before v3. */
    need: FundingNeed | null;
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
    /** For a first waitlisting for capacity: the need read on the day of enrolment, kept for the seat's funds request; else null (and in v1). */
    need: FundingNeed | null;
  };
};
/** `note` is personal data (subject `staff:<nip>`), sealed in the log: it may name an illness or a family matter. */
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
    /** Set when an officer completed the participant below the attendance threshold. */
    attendanceOverride: AttendanceOverride | null;
  };
};
/** `note` is personal data (subject `staff:<nip>`), sealed in the log (v1's free-text reasons, upcast into it, stay in clear). */
export type TrainingNotCompleted = {
  type: 'TrainingNotCompleted';
  data: { enrolmentId: string; programmeId: string; nip: string; reason: NonCompletionReason; note: string | null };
};

export type ProgrammeEvent =
  | ProgrammePublished
  | ProgrammeRevised
  | ProgrammeCancelled
  | StaffEnrolled
  | EnrolmentConfirmed
  | EnrolmentWaitlisted
  | EnrolmentWithdrawn
  | EnrolmentFunded
  | EnrolmentApproved
  | EnrolmentDeclined
  | SessionAttended
  | SessionMissed
  | LearningProgressRecorded
  | TrainingCompleted
  | TrainingNotCompleted;

const P = 'programme-<programmeId>';
/** A participant's own sub-stream (issue 23); programmes published before it keep these events in `P`. */
const PARTICIPANT = 'programme-<programmeId>/<nip>';
/** A v1/v2 session: the whole day, place and trainer not recorded. */
const sessionFromV2 = (x: SessionV2): Session => ({
  ...x,
  startTime: null,
  endTime: null,
  venue: null,
  onlineUrl: null,
  trainer: null,
});
export const PROGRAMME_EVENTS: EventContract[] = [
  {
    type: 'ProgrammePublished',
    version: 3,
    service: 'enrolment',
    stream: P,
    description:
      'A programme enters the catalogue: competency type and area, form, JP, cost per participant, capacity, sessions (dates), the fiscal year charged (null: the first session’s), the attendance threshold and whether late enrolment is allowed.',
    // v1 programmes had no such settings: the year of their first session, 80 % attendance, enrolment closing at the
    // first session. The values are written out here, not taken from today's defaults: what v1 meant never changes.
    upcasters: [
      {
        fromVersion: 1,
        upcast: (v1) => ({ ...v1, fiscalYear: null, attendanceThreshold: 0.8, lateEnrolment: false }),
      },
      // v2 sessions had a day only (the whole day), and no release by the unit head was asked for.
      {
        fromVersion: 2,
        upcast: ({ sessions, ...v2 }: { sessions: SessionV2[] }) => ({
          ...v2,
          sessions: sessions.map(sessionFromV2),
          releaseRequired: false,
        }),
      },
    ],
  },
  {
    type: 'ProgrammeRevised',
    version: 3,
    service: 'enrolment',
    stream: P,
    description:
      'Catalogue details change, only the fields named (never capacity below the seats taken); new seats go to the waitlist in order (StaffEnrolled).',
    // v2 may name fiscalYear, attendanceThreshold and lateEnrolment; a v1 revision never did, so it reads as it is.
    upcasters: [
      { fromVersion: 1, upcast: (v1) => v1 },
      // v2 sessions had a day only; v3 may also name releaseRequired.
      {
        fromVersion: 2,
        upcast: ({ changes, ...v2 }: { changes: { sessions?: SessionV2[] } }) => ({
          ...v2,
          changes: changes.sessions ? { ...changes, sessions: changes.sessions.map(sessionFromV2) } : changes,
        }),
      },
    ],
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
    version: 3,
    service: 'enrolment',
    stream: PARTICIPANT,
    description:
      'A seat is taken and the cost is asked of the funding OPD’s budget for the programme’s fiscal year (year); confirmation follows FundsCommitted. Also when a freed seat goes to the next on the waitlist, and on an officer’s re-request for funds (same enrolmentId, attempt + 1).',
    // v1 enrolments made one funds request and did not record the day.
    upcasters: [
      { fromVersion: 1, upcast: (v1) => ({ ...v1, attempt: 1, enrolledOn: null }) },
      // v2 requests were made before the need was recorded: by-need funding scores them on arrival alone.
      { fromVersion: 2, upcast: (v2) => ({ ...v2, need: null }) },
    ],
  },
  {
    type: 'EnrolmentConfirmed',
    version: 1,
    service: 'enrolment',
    stream: PARTICIPANT,
    description: 'The budget committed the funds; the enrolment is confirmed.',
  },
  {
    type: 'EnrolmentWaitlisted',
    version: 2,
    service: 'enrolment',
    stream: PARTICIPANT,
    description:
      'No seat (capacity: waits for one, in the order of enrolment) or no funds (CommitmentRejected: waits in the budget’s queue, or for an officer’s re-request); the seat it held goes to the next on the waitlist. A first waitlisting for capacity keeps the need read at enrolment (v2) for the funds request made when a seat comes.',
    upcasters: [{ fromVersion: 1, upcast: (v1) => ({ ...v1, need: null }) }],
  },
  {
    // Sealing the note is no new version: readers still get `note: string | null` (null once the staff
    // member is erased), and earlier events' notes read as they were stored, in clear. A version 2 would
    // only make consumers not yet redeployed park every withdrawal as an unknown version.
    type: 'EnrolmentWithdrawn',
    version: 1,
    service: 'enrolment',
    stream: PARTICIPANT,
    description:
      'The staff member withdraws, with a reason from a fixed list (workload, illness, transfer, other) and an optional note. The note is personal data (subject staff:<nip>), sealed.',
    personalFields: ['note'],
  },
  {
    type: 'SessionAttended',
    version: 1,
    service: 'enrolment',
    stream: PARTICIPANT,
    description: 'Attendance at one session.',
  },
  {
    type: 'SessionMissed',
    version: 1,
    service: 'enrolment',
    stream: PARTICIPANT,
    description: 'Absence from one session.',
  },
  {
    type: 'LearningProgressRecorded',
    version: 1,
    service: 'enrolment',
    stream: PARTICIPANT,
    description:
      'A self-paced learning statement (module started/completed/scored, time spent), applied once per statementId.',
  },
  {
    type: 'TrainingCompleted',
    version: 2,
    service: 'enrolment',
    stream: PARTICIPANT,
    description:
      'Completion (dated by the officer, or by the city date of the completing self-paced statement); the JP are credited to the staff member’s ledger for that year. attendanceOverride: the coded reason an officer gave to complete below the attendance threshold.',
    upcasters: [{ fromVersion: 1, upcast: (v1) => ({ ...v1, attendanceOverride: null }) }],
  },
  {
    type: 'TrainingNotCompleted',
    version: 2,
    service: 'enrolment',
    stream: PARTICIPANT,
    description:
      'The programme ended without completion for this staff member, with a coded reason (workload, illness, absent, failed-assessment, other + note). The note is personal data (subject staff:<nip>), sealed.',
    personalFields: ['note'],
    // v1 reasons were free text: kept word for word as the note of `other`.
    upcasters: [
      {
        fromVersion: 1,
        upcast: ({ reason, ...rest }: { reason: string }) => ({ ...rest, reason: 'other', note: reason }),
      },
    ],
  },
];
