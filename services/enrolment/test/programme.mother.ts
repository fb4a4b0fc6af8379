// Object mothers for the programme decider's tests: a believable programme and the events that set the scene.
import type { FundingNeed, ProgrammeDetails, ProgrammeEvent, Session, WorkUnit } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import type { ProgrammeCommand } from '../src/programme/programme.commands';
import { programmeDecider } from '../src/programme/programme.decider';

export const PKM: WorkUnit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
/** A day before the programme's first session (2026-02-02): enrolment is open. */
export const BEFORE = '2026-01-15';

/** A whole-day session (no time, place or trainer) unless `over` says otherwise. */
export const session = (sessionId: string, date: string, title: string, over: Partial<Session> = {}): Session => ({
  sessionId,
  date,
  title,
  startTime: null,
  endTime: null,
  venue: null,
  onlineUrl: null,
  trainer: null,
  ...over,
});
export const details = (over: Partial<ProgrammeDetails> = {}): ProgrammeDetails => ({
  title: 'Komunikasi efektif dan manajemen pasien',
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  form: 'klasikal',
  universityPartner: null,
  jp: 24,
  costPerParticipant: 1_500_000,
  capacity: 2,
  fundingOpd: 'DINKES',
  sessions: [session('s1', '2026-02-02', 'Hari 1'), session('s2', '2026-02-03', 'Hari 2')],
  completionRule: null,
  fiscalYear: null,
  attendanceThreshold: 0.8,
  lateEnrolment: false,
  // The budget's answer alone confirms a seat in these tests; the unit head's release is tested on its own.
  releaseRequired: false,
  ...over,
});
export const published = (over: Partial<ProgrammeDetails> = {}): ProgrammeEvent => ({
  type: 'ProgrammePublished',
  data: { programmeId: 'p1', ...details(over) },
});
export const given = (...events: ProgrammeEvent[]) => givenEvents(programmeDecider, events);

type Command<T extends ProgrammeCommand['type']> = Extract<ProgrammeCommand, { type: T }>;
/** A need as the handler reads it (funding-need.ts): covered by plan line L1, 12 JP short, a gap of 1, grade C. */
export const need = (over: Partial<FundingNeed> = {}): FundingNeed => ({
  planLine: { lineId: 'L1', priority: 2, revision: 3 },
  jpShortfall: 12,
  gap: 1,
  ikmGrade: 'C',
  asOf: BEFORE,
  ...over,
});
export const enrol = (
  nip: string,
  today = BEFORE,
  enrolledOn = today,
  needRead: FundingNeed | null = null,
): Command<'EnrolStaff'> => ({
  type: 'EnrolStaff',
  enrolmentId: `e-${nip}`,
  nip,
  workUnit: PKM,
  staffActive: true,
  today,
  enrolledOn,
  need: needRead,
});
/** The programme published (with `over`), then each NIP enrolled in turn. */
export const whenEnrolled = (nips: string[], over: Partial<ProgrammeDetails> = {}) => {
  const events: ProgrammeEvent[] = [published(over)];
  for (const nip of nips) events.push(...given(...events).when(enrol(nip)));
  return events;
};
export const confirmed = (nip: string): ProgrammeEvent => ({
  type: 'EnrolmentConfirmed',
  data: { enrolmentId: `e-${nip}`, programmeId: 'p1', nip, commitmentId: `c-${nip}` },
});
export const fundsCommitted = (nip: string): Command<'ConfirmEnrolment'> => ({
  type: 'ConfirmEnrolment',
  nip,
  enrolmentId: `e-${nip}`,
  commitmentId: `c-${nip}`,
});
export const fundsRejected = (nip: string, attempt = 1): Command<'WaitlistForFunds'> => ({
  type: 'WaitlistForFunds',
  nip,
  enrolmentId: `e-${nip}`,
  attempt,
  detail: 'allocation exhausted',
  today: BEFORE,
});
export const withdraw = (nip: string, today = BEFORE): Command<'WithdrawEnrolment'> => ({
  type: 'WithdrawEnrolment',
  nip,
  reason: 'workload',
  note: null,
  today,
});
export const attended = (nip: string, sessionId: string): ProgrammeEvent => ({
  type: 'SessionAttended',
  data: { enrolmentId: `e-${nip}`, programmeId: 'p1', nip, sessionId },
});
export const complete = (
  nip: string,
  over: Partial<Command<'CompleteTraining'>> = {},
): Command<'CompleteTraining'> => ({
  type: 'CompleteTraining',
  nip,
  completedOn: '2026-02-03',
  attendanceOverride: null,
  today: '2026-02-10',
  ...over,
});
/** Who is on the seat waitlist and who holds a seat, as the events decided. */
export const nipsOf = (events: ProgrammeEvent[], type: ProgrammeEvent['type']) =>
  events.filter((e) => e.type === type).map((e) => (e.data as { nip: string }).nip);

export const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};
