import type { FundingNeed } from '@kompeten/contracts';
import { rankByNeed, scoreInWords, scoreOf } from './funding-priority';

// The worked example of docs/planning/funding-by-need.md: Dinas Sosial, four requests for one area.
const need = (over: Partial<FundingNeed> = {}): FundingNeed => ({
  planLine: null,
  jpShortfall: 0,
  gap: 0,
  ikmGrade: null,
  asOf: '2026-03-03',
  ...over,
});
const line = (priority: number) => ({ lineId: `L${priority}`, priority, revision: 2 });

describe('the priority score (scoreVersion 1)', () => {
  it('given no plan line, 4 JP short, no gap, IKM B: 0 + 6 + 0 + 3 = 9', () => {
    expect(scoreOf(need({ jpShortfall: 4, ikmGrade: 'B' }))).toEqual({
      score: 9,
      parts: { plan: 0, jpShortfall: 6, gap: 0, ikm: 3 },
    });
  });

  it('given plan priority 2, 20 JP short, gap 1, IKM C: 32 + 30 + 5 + 7 = 74', () => {
    expect(scoreOf(need({ planLine: line(2), jpShortfall: 20, gap: 1, ikmGrade: 'C' }))).toEqual({
      score: 74,
      parts: { plan: 32, jpShortfall: 30, gap: 5, ikm: 7 },
    });
  });

  it('given plan priority 1, 12 JP short, gap 2, IKM C: 40 + 18 + 10 + 7 = 75', () => {
    expect(scoreOf(need({ planLine: line(1), jpShortfall: 12, gap: 2, ikmGrade: 'C' })).score).toBe(75);
  });

  it('caps each part: 25 JP short counts as 20 (30), a gap of 6 as 4 (20); priority 5 is 8, IKM D is 10', () => {
    expect(scoreOf(need({ planLine: line(5), jpShortfall: 25, gap: 6, ikmGrade: 'D' }))).toEqual({
      score: 68,
      parts: { plan: 8, jpShortfall: 30, gap: 20, ikm: 10 },
    });
  });

  it('gives half points for an odd shortfall (7 JP → 10.5) and nothing for a level above the requirement', () => {
    expect(scoreOf(need({ jpShortfall: 7, gap: -1, ikmGrade: 'A' }))).toEqual({
      score: 10.5,
      parts: { plan: 0, jpShortfall: 10.5, gap: 0, ikm: 0 },
    });
  });

  it('scores a request without a recorded need 0 in every part', () => {
    expect(scoreOf(null)).toEqual({ score: 0, parts: { plan: 0, jpShortfall: 0, gap: 0, ikm: 0 } });
  });

  it('says the score in words, part by part', () => {
    const { score, parts } = scoreOf(need({ planLine: line(2), jpShortfall: 20, gap: 1, ikmGrade: 'C' }));
    expect(scoreInWords(score, parts)).toBe('74 (plan 32 + JP shortfall 30 + gap 5 + IKM 7)');
  });
});

describe('ranking requests by need', () => {
  it('puts a later request with a higher score ahead of an earlier one with a lower score', () => {
    const ranked = rankByNeed([
      { id: 'A', requestedOn: '2026-03-03', need: need({ jpShortfall: 4, ikmGrade: 'B' }) },
      { id: 'B', requestedOn: '2026-03-04', need: need({ planLine: line(2), jpShortfall: 20, gap: 1, ikmGrade: 'C' }) },
      { id: 'C', requestedOn: '2026-03-05', need: need({ planLine: line(1), jpShortfall: 12, gap: 2, ikmGrade: 'C' }) },
      { id: 'D', requestedOn: '2026-03-06', need: null },
    ]);
    expect(ranked.map((r) => [r.id, r.score, r.rank])).toEqual([
      ['C', 75, 1],
      ['B', 74, 2],
      ['A', 9, 3],
      ['D', 0, 4],
    ]);
  });

  it('breaks a tie by the earlier request date, then by the order the requests arrived', () => {
    const same = need({ jpShortfall: 4, ikmGrade: 'B' }); // 9 each
    const ranked = rankByNeed([
      { id: 'first', requestedOn: '2026-03-05', need: same },
      { id: 'second', requestedOn: '2026-03-05', need: same },
      { id: 'late-but-earlier-date', requestedOn: '2026-03-04', need: same },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['late-but-earlier-date', 'first', 'second']);
  });
});
