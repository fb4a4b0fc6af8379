import { fundingNeed, type NeedInputs } from './funding-need';

// The worked example of docs/planning/development-plans.md, "The need at enrolment".
const inputs = (over: Partial<NeedInputs> = {}): NeedInputs => ({
  nip: '198503302010012001',
  employmentType: 'PNS',
  competencyArea: 'komunikasi',
  approvedPlan: {
    revision: 3,
    lines: [
      { lineId: 'L1', competencyArea: 'komunikasi', priority: 2, people: [] },
      { lineId: 'L2', competencyArea: 'komunikasi', priority: 4, people: ['198503302010012001'] },
      { lineId: 'L3', competencyArea: 'pelayanan-publik', priority: 1, people: ['198503302010012001'] },
    ],
  },
  jpCredited: 8,
  gap: { level: 2, requiredLevel: 4 },
  serviceUnitGrade: null,
  opdGrades: ['B', 'C', null],
  asOf: '2026-03-10',
  ...over,
});

describe('the need read at enrolment', () => {
  it('given a PNS with 8 JP, a gap of 2 and a line naming them, then the line, 12 JP short, gap 2 and the OPD’s worst grade', () => {
    expect(fundingNeed(inputs())).toEqual({
      planLine: { lineId: 'L2', priority: 4, revision: 3 },
      jpShortfall: 12,
      gap: 2,
      ikmGrade: 'C',
      asOf: '2026-03-10',
    });
  });
  it('a line naming the staff member wins; else the most needed line of the area (lowest priority number)', () => {
    const other = inputs({ nip: '199001012015031002' });
    expect(fundingNeed(other).planLine).toEqual({ lineId: 'L1', priority: 2, revision: 3 });
  });
  it('no approved plan, or no line for the programme’s area: no plan line', () => {
    expect(fundingNeed(inputs({ approvedPlan: null })).planLine).toBeNull();
    expect(fundingNeed(inputs({ competencyArea: 'keuangan-daerah' })).planLine).toBeNull();
  });
  it('a PPPK has no JP shortfall, and a PNS past 20 JP none below zero', () => {
    expect(fundingNeed(inputs({ employmentType: 'PPPK' })).jpShortfall).toBe(0);
    expect(fundingNeed(inputs({ jpCredited: 26 })).jpShortfall).toBe(0);
  });
  it('no gap recorded is a gap of 0', () => {
    expect(fundingNeed(inputs({ gap: null })).gap).toBe(0);
  });
  it('the service unit’s own grade comes first; with no grades at all, none', () => {
    expect(fundingNeed(inputs({ serviceUnitGrade: 'A' })).ikmGrade).toBe('A');
    expect(fundingNeed(inputs({ opdGrades: [null] })).ikmGrade).toBeNull();
    expect(fundingNeed(inputs({ opdGrades: ['D', 'A'] })).ikmGrade).toBe('D');
  });
});
