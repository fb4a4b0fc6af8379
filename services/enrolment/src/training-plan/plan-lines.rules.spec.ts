import type { PlanLine } from '@kompeten/contracts';
import { planTotals } from './plan-lines.rules';

const line = (over: Partial<PlanLine>): PlanLine => ({
  lineId: 'L',
  competencyArea: 'komunikasi',
  source: 'other',
  priority: 3,
  quarter: null,
  form: 'klasikal',
  headCount: 0,
  people: [],
  jpPerPerson: 1,
  costPerJp: 0,
  estimatedRupiah: 0,
  rationale: '',
  ...over,
});

describe('a plan’s totals', () => {
  it('counts a person named on two lines once, and every unnamed place', () => {
    // L1: 3 places, A and B named (1 unnamed); L2: 5 places, A named (4 unnamed) → {A, B} + 1 + 4 = 7 people.
    const lines = [
      line({ lineId: 'L1', headCount: 3, people: ['A', 'B'], jpPerPerson: 10, estimatedRupiah: 300 }),
      line({ lineId: 'L2', headCount: 5, people: ['A'], jpPerPerson: 4, estimatedRupiah: 200 }),
    ];
    expect(planTotals(lines)).toEqual({ lines: 2, people: 7, jp: 3 * 10 + 5 * 4, rupiah: 500 });
  });
  it('an empty plan is all zeros', () => {
    expect(planTotals([])).toEqual({ lines: 0, people: 0, jp: 0, rupiah: 0 });
  });
});
