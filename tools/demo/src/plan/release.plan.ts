import type { DeclineReason } from '@kompeten/contracts';
import { addDays, fiscalYearOf } from '@kompeten/domain';
import { SERVICE_UNITS, ServiceUnitSpec } from '../city/bukittinggi.city';
import { UPCOMING_PROGRAMMES, UpcomingProgrammeSpec, UpcomingSessionSpec } from '../city/upcoming-programmes';
import { addWorkingDays, maxDate, Timeline, workingDayFrom, workingDayUntil } from './calendar';
import type { SeededRandom } from './seeded-random';
import type { StaffPlan } from './staff.plan';

/** How many of a puskesmas's staff may be away for training on one day (a count, a share, or both). */
export interface ContinuityRulePlan {
  opd: string;
  serviceUnit: string;
  maxAwayCount: number | null;
  maxAwayShare: number | null;
  /** The unit's staff (its active headcount: no puskesmas staff move in the demo). */
  headcount: number;
  /** Away at most on one day with that headcount, as the service computes it. */
  limit: number;
}

export interface ReleaseProgrammePlan {
  spec: UpcomingProgrammeSpec;
  programmeId: string;
  /** Named explicitly when publishing: the year of its first session. */
  fiscalYear: number;
  capacity: number;
  sessions: (UpcomingSessionSpec & { sessionId: string; date: string })[];
}

export type ReleaseDecision =
  { kind: 'nominate' } | { kind: 'approve' } | { kind: 'decline'; reason: DeclineReason; note: string | null };

/** One staff member in one programme, and what their unit head decides. */
export interface ReleaseRequestPlan {
  programmeId: string;
  nip: string;
  workUnit: StaffPlan['workUnit'];
  /** The day they asked (their enrolment's date); null when the head nominated them (enrolled today). */
  requestedOn: string | null;
  decision: ReleaseDecision;
  /** The letter releasing them from duty (nominations and approvals), numbered as the unit numbers its letters. */
  suratTugas: { number: string; date: string } | null;
}

export interface ReleasePlan {
  /** The busiest puskesmas: the one serving the most citizens a year (see {@link busiestPuskesmas}). */
  busiest: string;
  rules: ContinuityRulePlan[];
  programmes: ReleaseProgrammePlan[];
  /** Unit by unit, in the order each head decides: releases (within the rule) first, then the declines. */
  requests: ReleaseRequestPlan[];
}

// The issue's example for a busy puskesmas: at most 2 staff away a day. Elsewhere 30 % of the staff,
// and never more than 3 (with both, the lower wins — the service's rule).
const BUSIEST_RULE = { maxAwayCount: 2, maxAwayShare: null };
const RULE = { maxAwayCount: 3, maxAwayShare: 0.3 };
/** Share of a quieter puskesmas's staff who ask for a programme (within what the rule lets go). */
const UPTAKE = 0.2;

const WORKLOAD_NOTES = [
  'Tidak ada pengganti di poli umum pada tanggal pelatihan',
  'Jadwal imunisasi posyandu bersamaan dengan pelatihan',
  'Dua bidan sedang cuti melahirkan',
  null,
];
const CONTINUITY_NOTE = 'Kuota tenaga yang boleh meninggalkan puskesmas pada tanggal pelatihan sudah penuh';
const NOT_RELEVANT_NOTE = 'Sudah mengikuti pelatihan serupa tahun lalu';

/**
 * The busiest puskesmas: the one with the most service users a year (Plus Mandiangin, 24,000; it has
 * the most staff too, but the fewest to spare per citizen served). Its head declines for workload.
 */
export const busiestPuskesmas = (units: ServiceUnitSpec[]): ServiceUnitSpec =>
  units.filter((u) => u.kind === 'puskesmas').reduce((a, b) => (b.annualServiceUsers > a.annualServiceUsers ? b : a));

/** The service's limit: the count, the share of the headcount rounded down, or the lower of the two. */
export function awayLimit(rule: { maxAwayCount: number | null; maxAwayShare: number | null }, headcount: number) {
  const limits = [rule.maxAwayCount, rule.maxAwayShare === null ? null : Math.floor(rule.maxAwayShare * headcount)];
  return Math.min(...limits.filter((x): x is number => x !== null));
}

/** `800/<n>/PKM-GB/2026`: the letter's serial, the puskesmas's short code, the letter's year. */
const shortCode = (unitCode: string) => {
  const words = unitCode.replace(/^PUSKESMAS-/, '').split('-');
  return `PKM-${words.length > 1 ? words.map((w) => w[0]).join('') : words[0].slice(0, 3)}`;
};

function programmeOf(
  spec: UpcomingProgrammeSpec,
  t: Timeline,
  after: string,
  rng: SeededRandom,
  idSuffix: string,
): Omit<ReleaseProgrammePlan, 'capacity'> {
  const first = workingDayFrom(maxDate(addDays(t.today, spec.startsInDays + rng.int(0, 4)), addDays(after, 1)));
  const sessions = spec.sessions.map((s, i) => ({
    ...s,
    sessionId: `s${i + 1}`,
    date: i === 0 ? first : addWorkingDays(first, i),
  }));
  const fiscalYear = fiscalYearOf(first);
  return { spec, programmeId: `${spec.key}-${fiscalYear}${idSuffix}`, fiscalYear, sessions };
}

/** How many of a quieter puskesmas's staff are released for a programme: a few, within the rule. */
const quietReleases = (rule: ContinuityRulePlan) =>
  Math.min(rule.limit, Math.max(1, Math.round(rule.headcount * UPTAKE)));

/**
 * What the head of a unit decides for a programme, request by request. The busiest puskesmas: as many
 * released as the rule allows (the first nominated by the head), one more declined because the day
 * is full (service continuity), and a few declined because nobody would cover their work. Elsewhere a
 * few staff within the rule, the first of them nominated by the head (`nominates`), and (`notRelevant`)
 * one request declined as not relevant.
 */
function unitDecisions(
  rule: ContinuityRulePlan,
  busiest: boolean,
  { nominates, notRelevant }: { nominates: boolean; notRelevant: boolean },
  rng: SeededRandom,
): ReleaseDecision[] {
  const n = rule.headcount;
  if (busiest) {
    const released = Math.min(rule.limit, n);
    const few = Math.min(4, Math.max(2, Math.round(n * 0.2))); // a fifth of the staff, 2 to 4
    const workload = Math.max(0, Math.min(few, n - released - 1));
    return [
      ...Array.from({ length: released }, (_, i): ReleaseDecision => ({ kind: i === 0 ? 'nominate' : 'approve' })),
      ...(n > released ? [{ kind: 'decline', reason: 'service-continuity', note: CONTINUITY_NOTE } as const] : []),
      ...Array.from({ length: workload }, (): ReleaseDecision => ({
        kind: 'decline',
        reason: 'workload-no-cover',
        note: rng.pick(WORKLOAD_NOTES),
      })),
    ];
  }
  return [
    ...Array.from({ length: quietReleases(rule) }, (_, i): ReleaseDecision => ({
      kind: i === 0 && nominates ? 'nominate' : 'approve',
    })),
    ...(notRelevant ? [{ kind: 'decline', reason: 'not-relevant', note: NOT_RELEVANT_NOTE } as const] : []),
  ];
}

/**
 * Release by the unit head, decided before the first request: a continuity rule for every puskesmas,
 * the upcoming programmes that need a release, and each request with its head's decision and letter.
 * The releases of a unit never exceed its rule on any day (the programmes' days do not overlap), so
 * the service refuses none of them. Letters are dated the last working day up to today; requests a
 * few working days before.
 */
export function planReleases(staff: StaffPlan[], t: Timeline, rng: SeededRandom, idSuffix: string): ReleasePlan {
  const puskesmas = SERVICE_UNITS.filter((u) => u.kind === 'puskesmas');
  const busiest = busiestPuskesmas(SERVICE_UNITS).code;
  const staffOf = (unit: string) => staff.filter((s) => s.workUnit.serviceUnit === unit);
  const rules = puskesmas.map((u): ContinuityRulePlan => {
    const rule = u.code === busiest ? BUSIEST_RULE : RULE;
    const headcount = staffOf(u.code).length;
    return { opd: u.opd, serviceUnit: u.code, ...rule, headcount, limit: awayLimit(rule, headcount) };
  });
  let lastDay = t.today;
  const programmes = UPCOMING_PROGRAMMES.map((spec) => {
    const p = programmeOf(spec, t, lastDay, rng.fork(`release-programme:${spec.key}`), idSuffix);
    lastDay = p.sessions[p.sessions.length - 1].date;
    return p;
  });
  const letterDate = workingDayUntil(t.today);
  const taking = rules.flatMap((rule) =>
    programmes.filter((p) => p.spec.units.includes(rule.serviceUnit)).map((p) => ({ rule, p })),
  );
  // One request in the city declined as not relevant, at a quieter puskesmas with staff to spare.
  const spare = taking.filter(({ rule }) => rule.serviceUnit !== busiest && rule.headcount > quietReleases(rule));
  const notRelevant = spare.length ? rng.fork('not-relevant').pick(spare) : null;
  const requests: ReleaseRequestPlan[] = [];
  const serials = new Map(
    rules.map((rule) => [rule.serviceUnit, rng.fork(`letters:${rule.serviceUnit}`).int(100, 400)]),
  );
  taking.forEach((item, index) => {
    const { rule, p } = item;
    const r = rng.fork(`releases:${rule.serviceUnit}:${p.spec.key}`);
    const who = r.shuffle(staffOf(rule.serviceUnit));
    // A head nominates in every third unit and programme; elsewhere the staff asked first.
    const decisions = unitDecisions(
      rule,
      rule.serviceUnit === busiest,
      { nominates: index % 3 === 1, notRelevant: item === notRelevant },
      r.fork('decisions'),
    );
    decisions.forEach((decision, i) => {
      const s = who[i];
      const serial = serials.get(rule.serviceUnit)!;
      if (decision.kind !== 'decline') serials.set(rule.serviceUnit, serial + 1);
      requests.push({
        programmeId: p.programmeId,
        nip: s.nip,
        workUnit: s.workUnit,
        requestedOn: decision.kind === 'nominate' ? null : addWorkingDays(letterDate, -r.int(1, 6)),
        decision,
        suratTugas:
          decision.kind === 'decline'
            ? null
            : { number: `800/${serial}/${shortCode(rule.serviceUnit)}/${letterDate.slice(0, 4)}`, date: letterDate },
      });
    });
  });
  return {
    busiest,
    rules,
    programmes: programmes.map((p) => ({
      ...p,
      // Room for everyone who asks: declines free their seats anyway.
      capacity: requests.filter((x) => x.programmeId === p.programmeId).length + 2,
    })),
    requests,
  };
}

/** Counts for the summary: nominations, approvals and declines by reason. */
export function releaseCounts(requests: ReleaseRequestPlan[]) {
  const declined: Partial<Record<DeclineReason, number>> = {};
  for (const x of requests)
    if (x.decision.kind === 'decline') declined[x.decision.reason] = (declined[x.decision.reason] ?? 0) + 1;
  return {
    nominated: requests.filter((x) => x.decision.kind === 'nominate').length,
    approved: requests.filter((x) => x.decision.kind === 'approve').length,
    declined,
  };
}

/** `3 nominated, 9 approved, 5 declined (workload-no-cover 3, service-continuity 1, not-relevant 1)`. */
export function describeReleases(requests: ReleaseRequestPlan[]): string {
  const c = releaseCounts(requests);
  const reasons = Object.entries(c.declined).map(([reason, n]) => `${reason} ${n}`);
  const total = Object.values(c.declined).reduce((s, n) => s + n, 0);
  return `${c.nominated} nominated, ${c.approved} approved, ${total} declined${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
}
