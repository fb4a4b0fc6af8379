import type { AttendanceOverrideReason, NonCompletionReason } from '@kompeten/contracts';
import { addDays, fiscalYearOf } from '@kompeten/domain';
import type { ProgrammeSpec } from '../city/catalogue';
import { minDate, Quarter, Timeline } from './calendar';
import type { SeededRandom } from './seeded-random';
import { audienceOf, StaffPlan } from './staff.plan';

export type WithdrawalReason = 'workload' | 'illness' | 'transfer' | 'other';
export interface AssessmentPlan {
  method: 'test' | 'observation';
  score: number;
  assessedOn: string;
}
export interface Statement {
  statementId: string;
  verb: 'started' | 'completed' | 'scored' | 'spent';
  moduleId: string;
  score?: number;
  /** Time on task (with `spent`). */
  seconds?: number;
  deviceTimestamp: string;
}

/** The programme's default attendance threshold: a share of its sessions (the enrolment service's default). */
export const ATTENDANCE_THRESHOLD = 0.8;
/** 1 JP (jam pelajaran) is 45 minutes: a self-paced programme credits its JP after that much time on task. */
export const SECONDS_PER_JP = 45 * 60;
/** The most one statement may report (the API's limit: a day). */
const MAX_SECONDS_PER_STATEMENT = 86_400;

/** What one staff member will do in one programme, if a seat and the money are there. */
export interface ParticipantPlan {
  nip: string;
  workUnit: StaffPlan['workUnit'];
  outcome: 'withdraw' | 'not-complete' | 'complete';
  /** The day the officer enrolled them (sent as `enrolledOn`): before the pre-assessment and any activity. */
  enrolledOn: string;
  withdrawal?: { reason: WithdrawalReason; note?: string };
  attendance: { sessionId: string; attended: boolean }[];
  /** A completion below the attendance threshold, with the officer's coded reason. */
  attendanceOverride?: { reason: AttendanceOverrideReason; note?: string };
  /** Why the training ended without completion (coded: the workload statistics count them). */
  nonCompletion?: { reason: NonCompletionReason; note?: string };
  statements: Statement[];
  completedOn: string | null;
  pre: AssessmentPlan;
  post: AssessmentPlan | null;
  onTheJob: AssessmentPlan | null;
}

export interface ProgrammePlan {
  spec: ProgrammeSpec;
  programmeId: string;
  quarter: Quarter;
  /**
   * The fiscal year its cost is charged to: the year of its first session (the enrolment service
   * decides that itself); a self-paced programme has no sessions and names its year explicitly.
   */
  fiscalYear: number;
  /**
   * Enrolment closes at the first session unless the programme allows late enrolment. The history is
   * recorded after the fact (backfilled at go-live, i.e. today), so every programme whose first session
   * has passed allows it; a programme still ahead would not need to.
   */
  lateEnrolment: boolean;
  capacity: number;
  sessions: { sessionId: string; date: string; title: string }[];
  participants: ParticipantPlan[];
}

// Workload is the reason staff give most (the seed document's "kesibukan pekerjaan sehari-hari").
const REASONS: [WithdrawalReason, number][] = [
  ['workload', 55],
  ['illness', 15],
  ['transfer', 10],
  ['other', 20],
];
const NOTES = [
  'Tugas lapangan bersamaan dengan jadwal pelatihan',
  'Cuti melahirkan',
  'Mengikuti ujian dinas',
  'Keluarga sakit',
];
// Non-completion: a classroom participant mostly stayed away; an unfinished e-learning is mostly the job.
const NOT_COMPLETED_CLASSROOM: [NonCompletionReason, number][] = [
  ['absent', 55],
  ['workload', 30],
  ['illness', 15],
];
const NOT_COMPLETED_SELF_PACED: [NonCompletionReason, number][] = [
  ['workload', 60],
  ['illness', 15],
  ['other', 25],
];
const NOT_COMPLETED_NOTES = ['Kendala akses internet di lokasi kerja', 'Perangkat tidak mendukung aplikasi'];
// A completion below the attendance threshold: the missed day was made up, or the officer was on duty.
const OVERRIDES: [AttendanceOverrideReason, number][] = [
  ['make-up-session', 60],
  ['official-duty', 30],
  ['illness-excused', 10],
];
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function sessionsOf(spec: ProgrammeSpec, q: Quarter, t: Timeline, rng: SeededRandom) {
  const start = 10 + rng.int(0, 15);
  const spacing = spec.form === 'magang' ? 12 : 1;
  return (spec.sessions ?? []).map((title, i) => ({
    sessionId: `s${i + 1}`,
    date: t.dayIn(q, start + i * spacing),
    title,
  }));
}

/**
 * Time on task per module, in seconds: a finisher spends 5–45 % more than the programme's JP
 * (1 JP = 45 minutes) over its modules; someone who gives up spends a module's share on each module
 * they got through. Every module's time is reported by the platform before the module's completion.
 */
function timeOnTask(spec: ProgrammeSpec, rng: SeededRandom): number[] {
  const modules = spec.modules ?? [];
  const total = Math.ceil(spec.jp * SECONDS_PER_JP * (1.05 + rng.next() * 0.4));
  const weights = modules.map(() => 0.7 + rng.next() * 0.6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  shares[shares.length - 1] += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

function selfPaced(spec: ProgrammeSpec, q: Quarter, t: Timeline, rng: SeededRandom, finishes: boolean): Statement[] {
  const modules = spec.modules ?? [];
  const done = finishes ? modules.length : rng.int(1, modules.length - 1);
  const seconds = timeOnTask(spec, rng.fork('time'));
  let day = rng.int(5, 25);
  const out: Statement[] = [];
  modules.slice(0, done).forEach((moduleId, m) => {
    // A module's statements on one day, in order, between 06:00 and 22:00 WIB (the device's clock).
    let minute = rng.int(6 * 60, 12 * 60);
    const stamp = () => {
      minute = Math.min(minute + rng.int(5, 50), 22 * 60);
      const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      return `${t.dayIn(q, day)}T${hhmm}:00+07:00`;
    };
    const at = (verb: Statement['verb'], extra: Pick<Statement, 'score' | 'seconds'> = {}) =>
      out.push({ statementId: rng.uuid(), verb, moduleId, ...extra, deviceTimestamp: stamp() });
    if (out.length === 0) at('started');
    // The module's time on task, in statements of at most a day each, before the module is done.
    for (let left = seconds[m]; left > 0; left -= MAX_SECONDS_PER_STATEMENT)
      at('spent', { seconds: Math.min(left, MAX_SECONDS_PER_STATEMENT) });
    if (moduleId === 'kuis') at('scored', { score: finishes ? rng.int(70, 100) : rng.int(40, 69) });
    at('completed');
    day += rng.int(2, 12);
  });
  return out;
}

function participant(
  spec: ProgrammeSpec,
  s: StaffPlan,
  plan: Omit<ProgrammePlan, 'participants' | 'capacity'>,
  t: Timeline,
  rng: SeededRandom,
): ParticipantPlan {
  const outcome = rng.weighted<ParticipantPlan['outcome']>([
    ['withdraw', 12],
    ['not-complete', 6],
    ['complete', 82],
  ]);
  const reason = rng.weighted(REASONS);
  const attendance =
    outcome === 'withdraw'
      ? []
      : plan.sessions.map((x) => ({
          sessionId: x.sessionId,
          attended: outcome === 'complete' ? rng.chance(0.95) : rng.chance(0.4),
        }));
  const statements =
    outcome === 'withdraw' || !spec.modules ? [] : selfPaced(spec, plan.quarter, t, rng, outcome === 'complete');
  const lastActivity = statements.length
    ? statements[statements.length - 1].deviceTimestamp.slice(0, 10)
    : plan.sessions[plan.sessions.length - 1]?.date;
  const completedOn =
    outcome === 'complete'
      ? spec.modules
        ? lastActivity
        : minDate(addDays(lastActivity, rng.int(1, 5)), t.lastDay)
      : null;
  const firstActivity = statements[0]?.deviceTimestamp.slice(0, 10) ?? plan.sessions[0]?.date ?? plan.quarter.start;
  const preScore = Math.round(clamp(rng.normal(55, 10), 20, 95));
  const postScore = Math.round(clamp(preScore + rng.normal(16, 7), 0, 100));
  const followUp = completedOn ? addDays(completedOn, 100 + rng.int(0, 20)) : null;
  // Coded reasons from streams of their own: they do not move the other draws.
  const attended = attendance.filter((a) => a.attended).length;
  const belowThreshold = attendance.length > 0 && attended < ATTENDANCE_THRESHOLD * attendance.length;
  const why = rng.fork('reasons');
  const nonCompletion = (): ParticipantPlan['nonCompletion'] => {
    if (!spec.modules && !belowThreshold) return { reason: 'failed-assessment' }; // attended, failed the final test
    const reason = why.weighted(spec.modules ? NOT_COMPLETED_SELF_PACED : NOT_COMPLETED_CLASSROOM);
    return reason === 'other' ? { reason, note: why.pick(NOT_COMPLETED_NOTES) } : { reason };
  };
  // From a stream of its own, so the other draws stay as they were.
  const enrolledOn = minDate(addDays(firstActivity, -rng.fork('enrolled-on').int(6, 20)), t.lastDay);
  return {
    nip: s.nip,
    workUnit: s.workUnit,
    outcome,
    enrolledOn,
    attendance,
    statements,
    completedOn,
    withdrawal:
      outcome === 'withdraw' ? { reason, ...(reason === 'other' ? { note: rng.pick(NOTES) } : {}) } : undefined,
    attendanceOverride: outcome === 'complete' && belowThreshold ? { reason: why.weighted(OVERRIDES) } : undefined,
    nonCompletion: outcome === 'not-complete' ? nonCompletion() : undefined,
    pre: { method: 'test', score: preScore, assessedOn: minDate(addDays(firstActivity, -rng.int(1, 5)), t.lastDay) },
    post: completedOn
      ? { method: 'test', score: postScore, assessedOn: minDate(addDays(completedOn, rng.int(3, 14)), t.lastDay) }
      : null,
    onTheJob:
      followUp && followUp <= t.lastDay
        ? {
            method: 'observation',
            score: clamp(Math.round(1 + postScore / 25 + rng.normal(0, 0.5)), 1, 5),
            assessedOn: followUp,
          }
        : null,
  };
}

/** Who enrols in each programme, and what each of them will do. */
export function planProgramme(
  spec: ProgrammeSpec,
  staff: StaffPlan[],
  t: Timeline,
  rng: SeededRandom,
  idSuffix: string,
): ProgrammePlan {
  const quarter = t.quarter(spec.quarter);
  const sessions = sessionsOf(spec, quarter, t, rng.fork('sessions'));
  const base = {
    spec,
    quarter,
    programmeId: `${spec.key}-${quarter.id.slice(0, 4)}${idSuffix}`,
    fiscalYear: fiscalYearOf(sessions[0]?.date ?? quarter.start),
    lateEnrolment: sessions.length > 0 && sessions[0].date < t.today,
    sessions,
  };
  const audience = rng.fork('audience').shuffle(audienceOf(staff, spec.audience));
  const chosen = audience.slice(0, Math.max(1, Math.round(audience.length * spec.uptake)));
  const participants = chosen.map((s) => participant(spec, s, base, t, rng.fork(`p:${s.nip}`)));
  return {
    ...base,
    participants,
    capacity: Math.max(1, Math.ceil(participants.length * (spec.seats ?? 1)) + (spec.seats ? 0 : 2)),
  };
}
