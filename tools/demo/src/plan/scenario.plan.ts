import { OPDS, SERVICE_UNITS, ServiceUnitSpec } from '../city/bukittinggi.city';
import { CATALOGUE } from '../city/catalogue';
import { TRAINING_EFFECT } from '../city/training-effect';
import type { ScenarioSize } from '../scenario-sizes';
import { Quarter, Timeline } from './calendar';
import { planExternalLearning, type ExternalLearningPlan } from './external-learning.plan';
import { planProgramme, ProgrammePlan } from './participation.plan';
import { planReleases, ReleasePlan } from './release.plan';
import { SeededRandom } from './seeded-random';
import { planMovements, planStaff, StaffMovement, StaffPlan } from './staff.plan';
import { FIRST_SURVEY_QUARTER, planUnitSurveys, SurveyResponsePlan } from './survey.plan';

export type AllocationPlan = ({ programmeId: string } | { competencyArea: string }) & { amount: number };
export interface BudgetPlan {
  fiscalYear: number;
  opd: string;
  ceiling: number;
  allocations: AllocationPlan[];
}

export interface ScenarioPlan {
  seed: number;
  size: ScenarioSize;
  timeline: Timeline;
  tag: string;
  units: ServiceUnitSpec[];
  staff: StaffPlan[];
  /** Transfers and departures this month, after the training history. */
  movements: StaffMovement[];
  programmes: ProgrammePlan[];
  /** Programmes ahead that need the unit head's release, the puskesmas's continuity rules, the heads' decisions. */
  releases: ReleasePlan;
  /** Learning outside the catalogue that staff record and officers verify or reject (issue #22). */
  externalLearning: ExternalLearningPlan[];
  budgets: BudgetPlan[];
  surveys: SurveyResponsePlan[];
  /** Quarters whose IKM is published (closed) per unit at the end. */
  closedQuarters: Quarter[];
  /** The truth: units whose IKM carries the training effect, and from when. */
  effect: { programmeId: string; units: string[]; from: string };
}

/**
 * A tagged run renames every OPD and unit code (DINKES → DINKES-T1X2): the broker and the consumer
 * groups are shared by every run on a machine, and an old run's events must never land in this
 * run's budgets or units. Programme ids and NIPs are already drawn per tag.
 */
function retag(plan: Omit<ScenarioPlan, 'units'>, units: ServiceUnitSpec[]): ScenarioPlan {
  if (!plan.tag) return { ...plan, units };
  const t = (code: string) => `${code}-${plan.tag.toUpperCase()}`;
  const wu = (w: { opd: string; serviceUnit: string | null }) => ({
    opd: t(w.opd),
    serviceUnit: w.serviceUnit ? t(w.serviceUnit) : null,
  });
  return {
    ...plan,
    units: units.map((u) => ({ ...u, code: t(u.code), opd: t(u.opd) })),
    staff: plan.staff.map((s) => ({ ...s, workUnit: wu(s.workUnit) })),
    movements: plan.movements.map((m) => (m.kind === 'transfer' ? { ...m, to: { opd: t(m.to.opd) } } : m)),
    programmes: plan.programmes.map((p) => ({
      ...p,
      spec: { ...p.spec, fundingOpd: t(p.spec.fundingOpd) },
      participants: p.participants.map((x) => ({ ...x, workUnit: wu(x.workUnit) })),
    })),
    releases: {
      busiest: t(plan.releases.busiest),
      rules: plan.releases.rules.map((r) => ({ ...r, opd: t(r.opd), serviceUnit: t(r.serviceUnit) })),
      programmes: plan.releases.programmes.map((p) => ({
        ...p,
        spec: { ...p.spec, fundingOpd: t(p.spec.fundingOpd), units: p.spec.units.map(t) },
      })),
      requests: plan.releases.requests.map((x) => ({ ...x, workUnit: wu(x.workUnit) })),
    },
    externalLearning: plan.externalLearning.map((x) => ({ ...x, workUnit: wu(x.workUnit) })),
    budgets: plan.budgets.map((b) => ({ ...b, opd: t(b.opd) })),
    surveys: plan.surveys.map((r) => ({ ...r, unitCode: t(r.unitCode) })),
    effect: { ...plan.effect, units: plan.effect.units.map(t) },
  };
}

/**
 * Whole-rupiah budgets, one per OPD for every fiscal year the history spans: what the enrolments of
 * the programmes charged to that year cost, times the share the OPD can fund, with some slack.
 */
function planBudgets(programmes: ProgrammePlan[], fiscalYears: number[]): BudgetPlan[] {
  return fiscalYears.flatMap((fiscalYear) => OPDS.map((opd) => budgetOf(fiscalYear, opd.code, programmes)));
}

function budgetOf(fiscalYear: number, opd: string, programmes: ProgrammePlan[]): BudgetPlan {
  const own = programmes.filter((p) => p.spec.fundingOpd === opd && p.fiscalYear === fiscalYear);
  const allocations = own.map((p): AllocationPlan => {
    const amount =
      Math.max(1, Math.round(Math.min(p.participants.length, p.capacity) * p.spec.funding)) * p.spec.costPerParticipant;
    // Disaster management is funded by area (any programme in it), the rest programme by programme.
    return p.spec.competencyArea === 'disaster-management'
      ? { competencyArea: p.spec.competencyArea, amount }
      : { programmeId: p.programmeId, amount };
  });
  const allocated = allocations.reduce((s, a) => s + a.amount, 0);
  const short = own.some((p) => p.spec.funding < 1);
  return {
    fiscalYear,
    opd,
    ceiling: short ? allocated : Math.max(25_000_000, Math.ceil((allocated * 1.15) / 1_000_000) * 1_000_000),
    allocations,
  };
}

/**
 * The programmes ahead are charged to the fiscal year of their first session, named explicitly: their
 * allocations join that year's budget of the paying OPD (its ceiling raised by as much), or open one
 * for a year the history has not reached (sessions in January, planned in December).
 */
function withReleaseAllocations(budgets: BudgetPlan[], releases: ReleasePlan): BudgetPlan[] {
  const out = budgets.map((b) => ({ ...b, allocations: [...b.allocations] }));
  for (const p of releases.programmes) {
    const seats = releases.requests.filter((x) => x.programmeId === p.programmeId).length;
    const amount = Math.max(1, seats) * p.spec.costPerParticipant;
    let budget = out.find((b) => b.fiscalYear === p.fiscalYear && b.opd === p.spec.fundingOpd);
    if (!budget) {
      budget = { fiscalYear: p.fiscalYear, opd: p.spec.fundingOpd, ceiling: 0, allocations: [] };
      out.push(budget);
    }
    budget.allocations.push({ programmeId: p.programmeId, amount });
    budget.ceiling += Math.ceil(amount / 1_000_000) * 1_000_000;
  }
  return out;
}

/** The whole scenario, decided before the first request: the same seed and size give the same city. */
export function planScenario(seed: number, size: ScenarioSize, today: string, tag = ''): ScenarioPlan {
  const rng = new SeededRandom(seed);
  const timeline = new Timeline(today);
  const suffix = tag ? `-${tag.toLowerCase()}` : '';
  const staff = planStaff(rng.fork(`staff${tag}`), size, timeline.historyStart);
  const programmes = CATALOGUE.map((spec) =>
    planProgramme(spec, staff, timeline, rng.fork(`programme:${spec.key}`), suffix),
  );
  const releases = planReleases(staff, timeline, rng.fork('releases'), suffix);
  const treated = programmes.find((p) => p.spec.key === TRAINING_EFFECT.programmeKey)!;
  const trainedUnits = [
    ...new Set(
      treated.participants
        .filter((p) => p.outcome === 'complete' && p.workUnit.serviceUnit)
        .map((p) => p.workUnit.serviceUnit!),
    ),
  ];
  const surveys = SERVICE_UNITS.flatMap((u) =>
    planUnitSurveys(
      u,
      staff.filter((s) => s.workUnit.serviceUnit === u.code).map((s) => s.nip),
      trainedUnits.includes(u.code) ? treated.quarter.end : null,
      size,
      timeline,
      rng.fork(`surveys:${u.code}`),
    ),
  );
  const closedQuarters = Array.from({ length: -FIRST_SURVEY_QUARTER }, (_, i) =>
    timeline.quarter(FIRST_SURVEY_QUARTER + i),
  );
  const movements = planMovements(
    rng.fork(`movements${tag}`),
    staff,
    OPDS.map((o) => o.code),
    `${timeline.today.slice(0, 8)}01`,
  );
  return retag(
    {
      seed,
      size,
      timeline,
      tag,
      staff,
      movements,
      programmes,
      releases,
      externalLearning: planExternalLearning(rng.fork(`external-learning${tag}`), staff, timeline),
      budgets: withReleaseAllocations(planBudgets(programmes, timeline.fiscalYears), releases),
      surveys,
      closedQuarters,
      effect: { programmeId: treated.programmeId, units: trainedUnits, from: treated.quarter.end },
    },
    SERVICE_UNITS,
  );
}
