import { lineFor, planVsActual, quarterIn, type EnrolmentFact, type PlannedLine } from './plan-vs-actual';

// The worked example of docs/planning/shortage-and-plan-vs-actual.md ("Plan against actual"), by hand.
const line = (
  over: Partial<PlannedLine> & Pick<PlannedLine, 'lineId' | 'competencyArea' | 'quarter'>,
): PlannedLine => ({
  priority: 1,
  form: 'klasikal',
  headCount: 0,
  people: [],
  jpPerPerson: 24,
  estimatedRupiah: 0,
  ...over,
});
const L1 = line({
  lineId: 'L1',
  competencyArea: 'komunikasi',
  quarter: 1,
  headCount: 3,
  people: ['A', 'B'],
  estimatedRupiah: 4_500_000,
});
const L2 = line({
  lineId: 'L2',
  competencyArea: 'pelayanan-publik',
  quarter: null,
  priority: 2,
  form: 'e-learning',
  headCount: 2,
  people: ['A'],
  jpPerPerson: 10,
  estimatedRupiah: 600_000,
});
const L3 = line({
  lineId: 'L3',
  competencyArea: 'komunikasi',
  quarter: 3,
  priority: 3,
  headCount: 2,
  estimatedRupiah: 3_000_000,
});

const fact = (
  nip: string,
  competencyArea: string,
  trainingDate: string,
  status: string,
  over: Partial<EnrolmentFact> = {},
): EnrolmentFact => ({
  nip,
  competencyArea,
  status,
  jp: 24,
  jpCredited: status === 'completed' ? 24 : 0,
  cost: 1_500_000,
  trainingDate,
  declinedReason: null,
  withdrawalReason: null,
  nonCompletionReason: null,
  ...over,
});
const e1 = fact('A', 'komunikasi', '2026-02-10', 'completed');
const e2 = fact('B', 'komunikasi', '2026-02-10', 'withdrawn', { withdrawalReason: 'workload' });
const e3 = fact('C', 'komunikasi', '2026-03-05', 'declined', { declinedReason: 'workload-no-cover' });
const e4 = fact('D', 'komunikasi', '2026-05-12', 'confirmed');
const e5 = fact('A', 'pelayanan-publik', '2026-04-01', 'completed', { jp: 10, jpCredited: 10, cost: 300_000 });
const e6 = fact('E', 'pelayanan-publik', '2026-08-20', 'waitlisted-funds', { jp: 10, cost: 300_000 });
const e7 = fact('B', 'integritas', '2026-09-01', 'not-completed', {
  jp: 8,
  cost: 400_000,
  nonCompletionReason: 'workload',
});
const e8 = fact('F', 'komunikasi', '2026-08-03', 'completed');

const none = {
  declined: {},
  withdrawn: {},
  notCompleted: {},
  waitlistedForFunds: 0,
  waitlistedForCapacity: 0,
  cancelled: 0,
};
const figures = (people: number, jp: number, rupiah: number) => ({ people, jp, rupiah });
const ZERO = figures(0, 0, 0);

describe('plan against actual', () => {
  it('puts a date in its quarter of the year, and a date outside the year at the nearer end', () => {
    expect([quarterIn('2026-03-31', 2026), quarterIn('2026-04-01', 2026), quarterIn('2026-12-31', 2026)]).toEqual([
      1, 2, 4,
    ]);
    expect([quarterIn('2025-12-30', 2026), quarterIn('2027-01-05', 2026)]).toEqual([1, 4]);
  });

  it('counts an enrolment toward the line of its area planned in its quarter, else for any time, else the first', () => {
    const anyTime = line({ lineId: 'L4', competencyArea: 'komunikasi', quarter: null });
    expect(lineFor([L1, L3], e8, 2026)).toBe(L3);
    expect(lineFor([L1, anyTime, L3], e4, 2026)).toBe(anyTime);
    expect(lineFor([L1, L3], e4, 2026)).toBe(L1);
    expect(lineFor([L1, L2, L3], e7, 2026)).toBeNull();
  });

  describe('given Dinas Sosial’s approved plan (L1 komunikasi Q1, L2 pelayanan-publik any time, L3 komunikasi Q3) and eight enrolments', () => {
    const report = planVsActual([L1, L2, L3], [e1, e2, e3, e4, e5, e6, e7, e8], 2026);
    const quarter = (q: number | null) => report.quarters.find((r) => r.quarter === q);

    it('Q1: 3 planned (A, B and one place), 1 enrolled and completed; B withdrew for workload, C was declined', () => {
      expect(quarter(1)).toEqual({
        quarter: 1,
        planned: figures(3, 72, 4_500_000),
        enrolled: figures(1, 24, 1_500_000),
        completed: figures(1, 24, 1_500_000),
        differences: { ...none, declined: { 'workload-no-cover': 1 }, withdrawn: { workload: 1 } },
      });
    });

    it('Q2 planned nothing, yet D is enrolled there (toward L1); Q3 counts B’s unfinished integritas too; Q4 is empty', () => {
      expect(quarter(2)).toMatchObject({ planned: ZERO, enrolled: figures(1, 24, 1_500_000), completed: ZERO });
      expect(quarter(3)).toMatchObject({
        planned: figures(2, 48, 3_000_000),
        enrolled: figures(2, 32, 1_900_000),
        completed: figures(1, 24, 1_500_000),
        differences: { ...none, notCompleted: { workload: 1 } },
      });
      expect(quarter(4)).toEqual({ quarter: 4, planned: ZERO, enrolled: ZERO, completed: ZERO, differences: none });
    });

    it('any time: the e-learning line’s 2 places, A completed it in April, E waits for funds', () => {
      expect(quarter(null)).toEqual({
        quarter: null,
        planned: figures(2, 20, 600_000),
        enrolled: figures(1, 10, 300_000),
        completed: figures(1, 10, 300_000),
        differences: { ...none, waitlistedForFunds: 1 },
      });
    });

    it('per line, L1 holds A and D; what matches no line is unplanned', () => {
      expect(report.lines.map((l) => [l.lineId, l.enrolled, l.completed])).toEqual([
        ['L1', figures(2, 48, 3_000_000), figures(1, 24, 1_500_000)],
        ['L2', figures(1, 10, 300_000), figures(1, 10, 300_000)],
        ['L3', figures(1, 24, 1_500_000), figures(1, 24, 1_500_000)],
      ]);
      expect(report.unplanned).toEqual({
        planned: ZERO,
        enrolled: figures(1, 8, 400_000),
        completed: ZERO,
        differences: { ...none, notCompleted: { workload: 1 } },
      });
    });

    it('in total: 6 planned people (A and B once, 4 places), 4 enrolled, 2 completed, every reason once', () => {
      expect(report.total).toEqual({
        planned: figures(6, 140, 8_100_000),
        enrolled: figures(4, 90, 5_200_000),
        completed: figures(2, 58, 3_300_000),
        differences: {
          ...none,
          declined: { 'workload-no-cover': 1 },
          withdrawn: { workload: 1 },
          notCompleted: { workload: 1 },
          waitlistedForFunds: 1,
        },
      });
    });

    it('the quarters’ JP and rupiah add up to the total, and so do the lines with the unplanned', () => {
      const sum = (rows: { enrolled: { jp: number; rupiah: number } }[]) =>
        rows.reduce((a, r) => [a[0] + r.enrolled.jp, a[1] + r.enrolled.rupiah], [0, 0]);
      expect(sum(report.quarters)).toEqual([90, 5_200_000]);
      expect(sum([...report.lines, report.unplanned])).toEqual([90, 5_200_000]);
    });
  });

  it('without an approved plan, everything is unplanned and nothing is planned', () => {
    const report = planVsActual([], [e1, e6], 2026);
    expect(report.total.planned).toEqual(ZERO);
    expect(report.unplanned.enrolled).toEqual(figures(1, 24, 1_500_000));
    expect(report.lines).toEqual([]);
  });
});
