import type { PlanLine, TrainingPlanEvent } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import type { PlanLineInput, TrainingPlanCommand } from './training-plan.commands';
import { trainingPlanDecider } from './training-plan.decider';

const given = (...events: TrainingPlanEvent[]) => givenEvents(trainingPlanDecider, events);
const PLAN = { opd: 'DINSOS', year: 2026 };
const REF = { planId: '2026-DINSOS', ...PLAN };
const NIP_A = '198609262015051001';
const NIP_B = '199001012015052002';

// The worked example of docs/planning/training-plan.md.
const L1: PlanLineInput = {
  lineId: 'L1',
  competencyArea: 'komunikasi',
  source: 'weak-skm-element',
  priority: 1,
  quarter: 2,
  form: 'klasikal',
  headCount: 12,
  people: [NIP_A, NIP_B],
  jpPerPerson: 24,
  costPerJp: 150_000,
  rationale: 'NRR u7 2.61',
};
const L2: PlanLineInput = {
  ...L1,
  lineId: 'L2',
  competencyArea: 'pelayanan-publik',
  source: 'jp-shortfall',
  priority: 3,
  quarter: null,
  form: 'e-learning',
  headCount: 30,
  people: [],
  jpPerPerson: 8,
  costPerJp: 40_000,
  rationale: '',
};
const line1: PlanLine = { ...L1, estimatedRupiah: 43_200_000 }; // 12 × 24 × 150 000
const line2: PlanLine = { ...L2, estimatedRupiah: 9_600_000 }; // 30 × 8 × 40 000
const TOTALS = { lines: 2, people: 42, jp: 528, rupiah: 52_800_000 }; // 2 named + 10 + 30 places; 288 + 240 JP

const draft = (lines = [L1, L2]): TrainingPlanCommand => ({
  type: 'DraftTrainingPlan',
  ...PLAN,
  lines,
  proposedAsOf: '2026-01-15',
});
const drafted: TrainingPlanEvent = {
  type: 'TrainingPlanDrafted',
  data: { ...REF, revision: 1, lines: [line1, line2], proposedAsOf: '2026-01-15' },
};
const revised = (revision: number, lines: PlanLine[]): TrainingPlanEvent => ({
  type: 'TrainingPlanRevised',
  data: { ...REF, revision, lines, changes: [], note: null },
});
const submitted = (revision: number): TrainingPlanEvent => ({
  type: 'TrainingPlanSubmitted',
  data: { ...REF, revision, submittedOn: '2026-01-20', totals: TOTALS },
});
const approved = (revision: number): TrainingPlanEvent => ({
  type: 'TrainingPlanApproved',
  data: { ...REF, revision, approvedOn: '2026-01-25', totals: TOTALS },
});
const revise = (revision: number, lines: PlanLineInput[], note: string | null = null): TrainingPlanCommand => ({
  type: 'ReviseTrainingPlan',
  ...PLAN,
  revision,
  lines,
  note,
});
const submit = (revision: number): TrainingPlanCommand => ({
  type: 'SubmitTrainingPlan',
  ...PLAN,
  revision,
  today: '2026-01-20',
});
const approve = (revision: number): TrainingPlanCommand => ({
  type: 'ApproveTrainingPlan',
  ...PLAN,
  revision,
  today: '2026-01-25',
});
const giveBack = (revision: number): TrainingPlanCommand => ({
  type: 'ReturnTrainingPlan',
  ...PLAN,
  revision,
  reason: 'Prioritaskan PKM',
  today: '2026-01-22',
});

const problemOf = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('an OPD’s training plan', () => {
  describe('drafting', () => {
    it('drafts revision 1 with each line’s estimated rupiah computed', () => {
      expect(given().when(draft())).toEqual([drafted]);
    });
    it('a second draft for the same year is refused with 409, saying where the plan stands', () => {
      expect(problemOf(() => given(drafted, submitted(1)).when(draft()))).toMatchObject({
        kind: 'conflict',
        slug: 'training-plan-exists',
        extensions: { currentRevision: 1, currentState: 'submitted' },
      });
    });
  });

  describe('lines that cannot be planned are refused, naming the line and field', () => {
    const field = (lines: PlanLineInput[]) => problemOf(() => given().when(draft(lines))).extensions.errors;
    it('a negative or fractional head count', () => {
      expect(field([L1, { ...L2, headCount: -1 }])).toEqual([
        { field: 'lines[1].headCount', message: expect.any(String) as unknown },
      ]);
      expect(field([{ ...L1, headCount: 2.5 }])).toMatchObject([{ field: 'lines[0].headCount' }]);
    });
    it('more people named than the head count', () => {
      expect(field([{ ...L1, headCount: 1 }])).toMatchObject([{ field: 'lines[0].people' }]);
    });
    it('the same line id twice', () => {
      expect(field([L1, { ...L2, lineId: 'L1' }])).toMatchObject([{ field: 'lines[1].lineId' }]);
    });
    it('rupiah past Number.MAX_SAFE_INTEGER, on a line or in the plan’s total', () => {
      // 100 000 × 200 × 500 000 000 000 = 10^19 > 2^53 − 1 ≈ 9.007 × 10^15
      expect(
        field([{ ...L1, people: [], headCount: 100_000, jpPerPerson: 200, costPerJp: 500_000_000_000 }]),
      ).toMatchObject([{ field: 'lines[0].costPerJp' }]);
      // Each line 1 × 1 × 5 × 10^15 is exact; the two together (10^16) are not.
      const big = { ...L1, people: [], headCount: 1, jpPerPerson: 1, costPerJp: 5e15 };
      expect(field([big, { ...big, lineId: 'L2' }])).toMatchObject([{ field: 'lines[1].costPerJp' }]);
    });
  });

  describe('revising', () => {
    it('a revision replaces the lines and records what changed, by line id', () => {
      const moved = { ...L1, quarter: 3 as const, costPerJp: 100_000 };
      const L3 = { ...L2, lineId: 'L3', competencyArea: 'integritas' };
      expect(given(drafted).when(revise(1, [moved, L3], 'Q3, lebih murah'))).toEqual([
        {
          type: 'TrainingPlanRevised',
          data: {
            ...REF,
            revision: 2,
            lines: [
              { ...moved, estimatedRupiah: 28_800_000 },
              { ...L3, estimatedRupiah: 9_600_000 },
            ],
            changes: [
              { lineId: 'L1', change: 'changed', fields: ['quarter', 'costPerJp', 'estimatedRupiah'] },
              { lineId: 'L3', change: 'added', fields: [] },
              { lineId: 'L2', change: 'removed', fields: [] },
            ],
            note: 'Q3, lebih murah',
          },
        },
      ]);
    });
    it('the same lines again change nothing', () => {
      expect(given(drafted).when(revise(1, [L1, L2]))).toEqual([]);
    });
    it('a revision made on an older revision is refused with the current one', () => {
      expect(problemOf(() => given(drafted, revised(2, [line1])).when(revise(1, [L1])))).toMatchObject({
        kind: 'conflict',
        slug: 'training-plan-revision-changed',
        extensions: { currentRevision: 2, currentState: 'draft' },
      });
    });
    it('revising an approved plan makes a new draft while the approved lines stay in force', () => {
      const g = given(drafted, submitted(1), approved(1), revised(2, [line1]));
      expect(g.state).toMatchObject({
        status: 'draft',
        revision: 2,
        lines: [line1],
        approvedRevision: 1,
        approvedLines: [line1, line2],
      });
    });
    it('a plan nobody drafted is not found', () => {
      expect(problemOf(() => given().when(revise(1, [L1])))).toMatchObject({
        kind: 'not-found',
        slug: 'training-plan-not-found',
      });
    });
  });

  describe('submitting, returning, approving', () => {
    it('submits the current revision with its totals; again changes nothing', () => {
      expect(given(drafted).when(submit(1))).toEqual([submitted(1)]);
      expect(given(drafted, submitted(1)).when(submit(1))).toEqual([]);
    });
    it('the head returns a submitted revision with a reason; the officer may submit it again', () => {
      expect(given(drafted, submitted(1)).when(giveBack(1))).toEqual([
        {
          type: 'TrainingPlanReturned',
          data: { ...REF, revision: 1, returnedOn: '2026-01-22', reason: 'Prioritaskan PKM' },
        },
      ]);
      const returned = given(drafted, submitted(1)).when(giveBack(1));
      expect(given(drafted, submitted(1), ...returned).when(submit(1))).toEqual([submitted(1)]);
    });
    it('a draft cannot be returned or approved before it is submitted', () => {
      expect(problemOf(() => given(drafted).when(giveBack(1))).slug).toBe('training-plan-state');
      expect(problemOf(() => given(drafted).when(approve(1)))).toMatchObject({
        slug: 'training-plan-state',
        extensions: { currentState: 'draft' },
      });
    });
    it('approves the submitted revision: its lines come into force', () => {
      const g = given(drafted, submitted(1));
      expect(g.when(approve(1))).toEqual([approved(1)]);
      expect(given(drafted, submitted(1), approved(1)).state).toMatchObject({
        status: 'approved',
        approvedRevision: 1,
        approvedLines: [line1, line2],
        approvedOn: '2026-01-25',
      });
    });
    it('approving the approved revision again changes nothing', () => {
      expect(given(drafted, submitted(1), approved(1)).when(approve(1))).toEqual([]);
    });
    it('approving a revision that has since changed is refused with 409 and the current revision', () => {
      const e = problemOf(() => given(drafted, submitted(1), revised(2, [line1]), submitted(2)).when(approve(1)));
      expect(e).toMatchObject({
        kind: 'conflict',
        slug: 'training-plan-revision-changed',
        extensions: { currentRevision: 2, currentState: 'submitted' },
      });
    });
    it('once revised, the earlier approved revision is stale too', () => {
      expect(
        problemOf(() => given(drafted, submitted(1), approved(1), revised(2, [line1])).when(approve(1))),
      ).toMatchObject({ extensions: { currentRevision: 2 } });
    });
    it('an approved revision is not submitted again', () => {
      expect(problemOf(() => given(drafted, submitted(1), approved(1)).when(submit(1))).slug).toBe(
        'training-plan-state',
      );
    });
  });
});
