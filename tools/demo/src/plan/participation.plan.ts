import type { ProgrammeSpec } from '../city/catalogue';
import { addDays, minDate, Quarter, Timeline } from './calendar';
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
  verb: 'started' | 'completed' | 'scored';
  moduleId: string;
  score?: number;
  deviceTimestamp: string;
}

/** What one staff member will do in one programme, if a seat and the money are there. */
export interface ParticipantPlan {
  nip: string;
  workUnit: StaffPlan['workUnit'];
  outcome: 'withdraw' | 'not-complete' | 'complete';
  withdrawal?: { reason: WithdrawalReason; note?: string };
  attendance: { sessionId: string; attended: boolean }[];
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

function selfPaced(spec: ProgrammeSpec, q: Quarter, t: Timeline, rng: SeededRandom, finishes: boolean): Statement[] {
  const modules = spec.modules ?? [];
  const done = finishes ? modules.length : rng.int(1, modules.length - 1);
  let day = rng.int(5, 25);
  const out: Statement[] = [];
  for (const moduleId of modules.slice(0, done)) {
    const at = (verb: Statement['verb'], score?: number) =>
      out.push({
        statementId: rng.uuid(),
        verb,
        moduleId,
        score,
        deviceTimestamp: `${t.dayIn(q, day)}T${String(rng.int(6, 21)).padStart(2, '0')}:${String(rng.int(10, 59))}:00+07:00`,
      });
    if (out.length === 0) at('started');
    if (moduleId === 'kuis') at('scored', finishes ? rng.int(70, 100) : rng.int(40, 69));
    at('completed');
    day += rng.int(2, 12);
  }
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
  return {
    nip: s.nip,
    workUnit: s.workUnit,
    outcome,
    attendance,
    statements,
    completedOn,
    withdrawal:
      outcome === 'withdraw' ? { reason, ...(reason === 'other' ? { note: rng.pick(NOTES) } : {}) } : undefined,
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
  const base = {
    spec,
    quarter,
    programmeId: `${spec.key}-${quarter.id.slice(0, 4)}${idSuffix}`,
    sessions: sessionsOf(spec, quarter, t, rng.fork('sessions')),
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
