import type { EmploymentType, FundingNeed, PlanLine } from '@kompeten/contracts';

/** The PNS yearly right (jp-ledger.ts JP_RIGHT_PNS; PP 11/2017 art. 203(4)). Repeated: a pure file imports no query. */
const JP_TARGET_PNS = 20;

type Grade = NonNullable<FundingNeed['ikmGrade']>;
const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** What the need is read from (read-funding-need.ts gathers it from the read models). */
export interface NeedInputs {
  nip: string;
  employmentType: EmploymentType;
  /** The programme's competency area (the competency code it trains). */
  competencyArea: string;
  /** The funding OPD's approved plan for the programme's fiscal year; null when none is approved. */
  approvedPlan: {
    revision: number;
    lines: Pick<PlanLine, 'lineId' | 'competencyArea' | 'priority' | 'people'>[];
  } | null;
  /** JP credited to the staff member in that fiscal year. */
  jpCredited: number;
  /** The latest assessment of the programme's competency, when it found a gap: the levels. */
  gap: { level: number; requiredLevel: number } | null;
  /** The latest closed grade of the staff member's service unit, if it has one. */
  serviceUnitGrade: string | null;
  /** The latest closed grades of the units of the staff member's OPD. */
  opdGrades: (string | null)[];
  asOf: string;
}

/**
 * The plan line that covers the programme: a line for its competency area, one that names the
 * staff member first (the officer planned *them* for it), then the most needed (lowest priority
 * number), then plan order — so the same plan always gives the same line.
 */
export function coveringLine(plan: NeedInputs['approvedPlan'], nip: string, area: string): FundingNeed['planLine'] {
  if (!plan) return null;
  const named = (l: { people: string[] }) => (l.people.includes(nip) ? 0 : 1);
  const best = plan.lines
    .filter((l) => l.competencyArea === area)
    .reduce<(typeof plan.lines)[number] | null>((b, l) => {
      if (!b) return l;
      const byName = named(l) - named(b);
      return byName < 0 || (byName === 0 && l.priority < b.priority) ? l : b;
    }, null);
  return best ? { lineId: best.lineId, priority: best.priority, revision: plan.revision } : null;
}

const isGrade = (g: string | null): g is Grade => GRADES.includes(g as Grade);

/** The unit's own grade; without one, the worst of the OPD's (D is worst): the OPD answers for all its units. */
export function ikmGradeOf(serviceUnitGrade: string | null, opdGrades: (string | null)[]): Grade | null {
  if (isGrade(serviceUnitGrade)) return serviceUnitGrade;
  const known = opdGrades.filter(isGrade);
  return known.length ? known.reduce((w, g) => (g > w ? g : w)) : null;
}

/** The need on the day of enrolment (FundingNeed): what by-need funding scores. */
export function fundingNeed(i: NeedInputs): FundingNeed {
  return {
    planLine: coveringLine(i.approvedPlan, i.nip, i.competencyArea),
    // PPPK have no minimum (DOMAIN.md): a shortfall is a PNS's only.
    jpShortfall: i.employmentType === 'PNS' ? Math.max(0, JP_TARGET_PNS - i.jpCredited) : 0,
    gap: i.gap ? Math.max(0, i.gap.requiredLevel - i.gap.level) : 0,
    ikmGrade: ikmGradeOf(i.serviceUnitGrade, i.opdGrades),
    asOf: i.asOf,
  };
}
