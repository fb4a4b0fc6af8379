import type { PlanLine } from '@kompeten/contracts';

/**
 * An OPD's approved training plan for a year against what happened: planned, enrolled and completed
 * (people, JP, rupiah) per quarter and per plan line, and why the figures differ. Pure; worked
 * examples in docs/planning/shortage-and-plan-vs-actual.md.
 */

export type PlannedLine = Pick<
  PlanLine,
  | 'lineId'
  | 'competencyArea'
  | 'quarter'
  | 'priority'
  | 'form'
  | 'headCount'
  | 'people'
  | 'jpPerPerson'
  | 'estimatedRupiah'
>;

/** One enrolment of the OPD's staff charged to the year, as enrolment_history and the catalogue know it. */
export interface EnrolmentFact {
  nip: string;
  competencyArea: string | null;
  status: string;
  jp: number;
  jpCredited: number;
  /** The programme's cost per participant, rupiah. */
  cost: number;
  /** When the training takes place: the programme's first session, else (self-paced) the enrolment's date. */
  trainingDate: string;
  declinedReason: string | null;
  withdrawalReason: string | null;
  nonCompletionReason: string | null;
}

export type Quarter = 1 | 2 | 3 | 4 | null;
export interface Figures {
  people: number;
  jp: number;
  rupiah: number;
}
export interface Differences {
  declined: Record<string, number>;
  withdrawn: Record<string, number>;
  notCompleted: Record<string, number>;
  waitlistedForFunds: number;
  waitlistedForCapacity: number;
  cancelled: number;
}
export interface Row {
  planned: Figures;
  enrolled: Figures;
  completed: Figures;
  differences: Differences;
}

/**
 * Enrolled: holds a seat now, or went through the training (completed or not). Those who lost the
 * seat — declined by the head, withdrawn, rejected for funds, cancelled — are the differences instead.
 */
const ENROLLED = new Set(['pending-funds', 'awaiting-release', 'confirmed', 'completed', 'not-completed']);

/** The quarter of the year a date falls in; a training dated outside the year counts at its nearer end. */
export function quarterIn(date: string, year: number): 1 | 2 | 3 | 4 {
  const y = Number(date.slice(0, 4));
  if (y !== year) return y < year ? 1 : 4;
  return Math.ceil(Number(date.slice(5, 7)) / 3) as 1 | 2 | 3 | 4;
}

/**
 * The plan line an enrolment counts toward: the lines of its competency area, preferring one planned
 * in the quarter it takes place, then one planned for any time, then the first; none: unplanned.
 */
export function lineFor(lines: readonly PlannedLine[], e: EnrolmentFact, year: number): PlannedLine | null {
  const same = lines.filter((l) => l.competencyArea === e.competencyArea);
  const q = quarterIn(e.trainingDate, year);
  return same.find((l) => l.quarter === q) ?? same.find((l) => l.quarter === null) ?? same[0] ?? null;
}

/**
 * Planned people as the plan's totals count them: each person named once, plus the places not yet
 * named; JP = head count × JP per person; rupiah as estimated.
 */
function planned(lines: readonly PlannedLine[]): Figures {
  const named = new Set(lines.flatMap((l) => l.people));
  return {
    people: named.size + lines.reduce((a, l) => a + Math.max(0, l.headCount - l.people.length), 0),
    jp: lines.reduce((a, l) => a + l.headCount * l.jpPerPerson, 0),
    rupiah: lines.reduce((a, l) => a + l.estimatedRupiah, 0),
  };
}

const count = (facts: readonly EnrolmentFact[], key: (e: EnrolmentFact) => string | null) => {
  const out: Record<string, number> = {};
  for (const e of facts) {
    const k = key(e) ?? 'unknown';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

/** The figures of a set of plan lines and the enrolments counted against them. */
export function rowOf(lines: readonly PlannedLine[], facts: readonly EnrolmentFact[]): Row {
  const enrolled = facts.filter((e) => ENROLLED.has(e.status));
  const completed = facts.filter((e) => e.status === 'completed');
  const having = (status: string) => facts.filter((e) => e.status === status);
  return {
    planned: planned(lines),
    enrolled: {
      people: new Set(enrolled.map((e) => e.nip)).size,
      jp: enrolled.reduce((a, e) => a + e.jp, 0),
      rupiah: enrolled.reduce((a, e) => a + e.cost, 0),
    },
    completed: {
      people: new Set(completed.map((e) => e.nip)).size,
      jp: completed.reduce((a, e) => a + e.jpCredited, 0),
      rupiah: completed.reduce((a, e) => a + e.cost, 0),
    },
    differences: {
      declined: count(having('declined'), (e) => e.declinedReason),
      withdrawn: count(having('withdrawn'), (e) => e.withdrawalReason),
      notCompleted: count(having('not-completed'), (e) => e.nonCompletionReason),
      waitlistedForFunds: having('waitlisted-funds').length,
      waitlistedForCapacity: having('waitlisted-capacity').length,
      cancelled: having('cancelled').length,
    },
  };
}

const QUARTERS: Quarter[] = [1, 2, 3, 4, null];

/**
 * The report. Each enrolment counts once: in its line (or `unplanned`), and in the row of the quarter
 * it takes place in — unless its line is planned for any time, when it counts in the `null` row with
 * that line, so that a row compares like with like. JP, rupiah and the reasons of the rows (and of
 * the lines with `unplanned`) add up to `total`; people are distinct within a row, so theirs may not.
 */
export function planVsActual(lines: readonly PlannedLine[], facts: readonly EnrolmentFact[], year: number) {
  const matched = facts.map((e) => ({ e, line: lineFor(lines, e, year) }));
  const rowQuarter = (m: (typeof matched)[number]): Quarter =>
    m.line && m.line.quarter === null ? null : quarterIn(m.e.trainingDate, year);
  return {
    quarters: QUARTERS.map((quarter) => ({
      quarter,
      ...rowOf(
        lines.filter((l) => l.quarter === quarter),
        matched.filter((m) => rowQuarter(m) === quarter).map((m) => m.e),
      ),
    })),
    lines: lines.map((l) => ({
      lineId: l.lineId,
      competencyArea: l.competencyArea,
      quarter: l.quarter,
      priority: l.priority,
      form: l.form,
      ...rowOf(
        [l],
        matched.filter((m) => m.line === l).map((m) => m.e),
      ),
    })),
    unplanned: rowOf(
      [],
      matched.filter((m) => m.line === null).map((m) => m.e),
    ),
    total: rowOf(lines, facts),
  };
}
