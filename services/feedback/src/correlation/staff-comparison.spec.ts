import type { SkmScores } from '@kompeten/contracts';
import { ServedResponse, staffComparison } from './staff-comparison';

const scores = (v: number, u7 = v): SkmScores => ({ u1: v, u2: v, u3: v, u4: v, u5: v, u6: v, u7, u8: v, u9: v });
const served = (nip: string, trained: boolean, s: SkmScores, known = true): ServedResponse => ({
  nip,
  servedOn: '2026-08-01',
  scores: s,
  known,
  trained,
});

describe('trained vs untrained staff', () => {
  it('averages each staff member’s responses first, so a busy nurse counts once', () => {
    const c = staffComparison([
      served('A', true, scores(4)),
      served('A', true, scores(4)),
      served('A', true, scores(4)),
      served('B', true, scores(2)),
      served('C', false, scores(3)),
      served('D', false, scores(1)),
      served('X', false, scores(1), false),
    ]);
    const ikm = c.outcomes.find((o) => o.outcome === 'ikm')!;
    expect(ikm.trained).toEqual({ staff: 2, responses: 4, mean: 75 }); // (100 + 50) / 2, not (3·100 + 50) / 4
    expect(ikm.untrained).toEqual({ staff: 2, responses: 2, mean: 50 });
    expect(ikm.difference).toBe(25);
    expect(c).toMatchObject({ responsesNamingStaff: 7, responsesNamingUnknownStaff: 1 });
  });

  it('counts someone served before and after training once in each group', () => {
    const c = staffComparison([
      served('A', false, scores(2)),
      served('A', true, scores(3)),
      served('B', true, scores(4)),
    ]);
    expect(c.outcomes[0]).toMatchObject({ trained: { staff: 2 }, untrained: { staff: 1 }, status: 'insufficient' });
  });
});
