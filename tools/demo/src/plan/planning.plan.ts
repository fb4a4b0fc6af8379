import type { ScenarioPlan } from './scenario.plan';
import { SeededRandom } from './seeded-random';

/** One Dinas Sosial staff member in next year's planning cycle, in the order they ask for a seat. */
export interface Applicant {
  nip: string;
  /** PNS have the 20-JP right (a shortfall of 20 in a year not yet begun); PPPK do not. */
  pns: boolean;
  /** Their komunikasi level, assessed this year against the position's required 3. */
  level: number;
}

/** Dinas Sosial's planning cycle for next year: the OPD the history already leaves short of money. */
export interface PlanningPlan {
  opd: string;
  /** Next fiscal year: BKPSDM runs the needs analysis in the last quarter, before the APBD year starts. */
  year: number;
  programmeId: string;
  costPerParticipant: number;
  jp: number;
  requiredLevel: number;
  applicants: Applicant[];
  /** What the budget holds for the programme: 40 % of the seats asked for. */
  allocation: number;
  windowDays: number;
  /** The first session (February of the plan's year): enrolment is open until then. */
  sessionDate: string;
  /** Who funding by need should fund (scoreVersion 1, docs/planning/funding-by-need.md), best first. */
  expectedFunded: string[];
  /** Of them, how many asked after someone who is not funded: where need, not arrival, decided. */
  expectedAheadOfEarlier: number;
}

export const PLANNING_OPD = 'DINSOS';
const FUNDED_SHARE = 0.4;
const REQUIRED_LEVEL = 3;

/** A Fisher–Yates shuffle on the plan's own seeded stream. */
function shuffled<T>(items: T[], rng: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The parts of the score that differ between Dinas Sosial's applicants: the plan line, the unit's IKM grade
 * and the programme are the same for all of them, the JP shortfall (20 for PNS, none for PPPK) and the gap are not.
 */
const differingScore = (a: Applicant) => (a.pns ? 20 * 1.5 : 0) + Math.min(REQUIRED_LEVEL - a.level, 4) * 5;

/** Funded (the first `funded` of the ranking) who arrived after the earliest unfunded request. */
function aheadOfEarlier(arrivalsByRank: number[], funded: number): number {
  const firstUnfunded = Math.min(...arrivalsByRank.slice(funded));
  return arrivalsByRank.slice(0, funded).filter((arrival) => arrival > firstUnfunded).length;
}

export function planPlanning(plan: ScenarioPlan): PlanningPlan {
  const opd = plan.tag ? `${PLANNING_OPD}-${plan.tag.toUpperCase()}` : PLANNING_OPD;
  const leaving = new Set(plan.movements.map((m) => m.nip));
  const staff = plan.staff.filter((s) => s.workUnit.opd === opd && !leaving.has(s.nip));
  // The seed, not the tag, draws the order and levels: a tagged run (tests) plays the same story.
  const rng = new SeededRandom(plan.seed).fork('planning');
  const order = shuffled(staff, rng.fork('order'));
  // The case first-come gets wrong: the first third to ask are the ones already at the required level.
  // The next has the largest gap (2), so the plan's komunikasi line is of priority 1 (as its SKM line
  // may be): every applicant's request then meets a priority-1 line, and the plan part is the same for all.
  const early = Math.ceil(order.length / 3);
  const levelRng = rng.fork('levels');
  const levelAt = (i: number) => (i < early ? REQUIRED_LEVEL : i === early ? 1 : levelRng.int(1, REQUIRED_LEVEL - 1));
  const applicants = order.map((s, i) => ({ nip: s.nip, pns: s.employmentType === 'PNS', level: levelAt(i) }));
  const year = plan.timeline.year + 1;
  const costPerParticipant = 1_200_000;
  const funded = Math.max(1, Math.floor(applicants.length * FUNDED_SHARE));
  // Highest score first, the earlier request on a tie (the budget's ranking); every request costs the same.
  const ranked = applicants
    .map((a, arrival) => ({ a, arrival }))
    .sort((x, y) => differingScore(y.a) - differingScore(x.a) || x.arrival - y.arrival);
  return {
    opd,
    year,
    programmeId: `komunikasi-layanan-sosial-${year}${plan.tag ? `-${plan.tag.toLowerCase()}` : ''}`,
    costPerParticipant,
    jp: 16,
    requiredLevel: REQUIRED_LEVEL,
    applicants,
    allocation: funded * costPerParticipant,
    windowDays: 7,
    sessionDate: `${year}-02-10`,
    expectedFunded: ranked.slice(0, funded).map((x) => x.a.nip),
    expectedAheadOfEarlier: aheadOfEarlier(
      ranked.map((x) => x.arrival),
      funded,
    ),
  };
}
