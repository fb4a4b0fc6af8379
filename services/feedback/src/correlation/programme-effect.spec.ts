import { programmeEffect, ProgrammeEffectInput } from './programme-effect';

const input = (treatedChanges: number[], controlChanges: number[], spend = 9_000_000): ProgrammeEffectInput => ({
  programmeId: 'kom',
  firstCompletion: '2026-04-20',
  lastCompletion: '2026-06-10',
  pre: '2026-Q1',
  post: '2026-Q3',
  treated: treatedChanges.map((c, i) => ({ unitCode: `T${i}`, pre: 70, post: 70 + c })),
  control: controlChanges.map((c, i) => ({ unitCode: `C${i}`, pre: 72, post: 72 + c })),
  withoutSurveys: { treated: [], control: [] },
  spend,
});

describe('difference-in-differences per programme', () => {
  it('is the trained units’ mean change minus the untrained units’, with n per group', () => {
    const e = programmeEffect(input([6, 8, 7], [1, 0, 2, 1]));
    expect(e.estimate).toBeCloseTo(7 - 1, 12);
    expect(e.treated).toMatchObject({ n: 3, meanPre: 70, meanPost: 77, meanChange: 7 });
    expect(e.control).toMatchObject({ n: 4, meanChange: 1 });
    expect(e.status).toBe('small-sample');
    expect(e.assumption).toMatch(/Parallel trends/);
  });

  it('prices an IKM point only when the whole interval is above zero', () => {
    const clear = programmeEffect(input([6, 8, 7], [1, 0, 2, 1]));
    expect(clear.costPerIkmPoint.value).toBeCloseTo(9_000_000 / (6 * 3), 6);
    expect(clear.costPerIkmPoint.ci95![0]).toBeLessThan(clear.costPerIkmPoint.value!);
    const unclear = programmeEffect(input([6, -4, 1], [1, 0, 2, 1]));
    expect(unclear.costPerIkmPoint).toMatchObject({ ci95: null, status: 'not-determinable' });
  });

  it('gives no interval with a single unit in a group', () => {
    const e = programmeEffect(input([6], [1, 0, 2]));
    expect(e).toMatchObject({
      ci95: null,
      status: 'insufficient',
      costPerIkmPoint: { value: null, status: 'insufficient' },
    });
  });
});
