import type { PlanLine, SkmScores } from '@kompeten/contracts';
import { proposePlan, type NeedsInputs } from './needs-analysis';
import { planTotals } from '../training-plan/plan-lines.rules';
import { DEFAULT_UNIT_COSTS } from './unit-costs';

// The worked example of docs/planning/needs-analysis.md, computed there by hand: the same inputs,
// the same lines. Staff are letters here (NIPs in the service); M earns nothing, X is not on the staff.

const skm = (over: Partial<SkmScores>): SkmScores => ({
  u1: 3.5,
  u2: 3.5,
  u3: 3.5,
  u4: 3.5,
  u5: 3.5,
  u6: 3.5,
  u7: 3.5,
  u8: 3.5,
  u9: 3.5,
  ...over,
});
const pns = (nip: string, jpCredited: number, serviceUnit: string | null = null) => ({
  nip,
  employmentType: 'PNS' as const,
  serviceUnit,
  jpCredited,
});

const DINKES_2026: NeedsInputs = {
  staff: [
    pns('A', 0, 'PKM-A'),
    pns('B', 0, 'PKM-A'),
    { nip: 'C', employmentType: 'PPPK', serviceUnit: 'PKM-A', jpCredited: 0 },
    pns('D', 4, 'PKM-B'),
    pns('E', 20),
    pns('F', 18),
    pns('G', 5, 'LAB'),
    pns('H', 7),
    pns('I', 0),
    pns('J', 17),
    pns('K', 8),
    pns('M', 25),
  ],
  gaps: [
    { nip: 'A', competencyCode: 'komunikasi', gap: 1 },
    { nip: 'D', competencyCode: 'komunikasi', gap: 2 },
    { nip: 'E', competencyCode: 'triase', gap: 1 },
    { nip: 'F', competencyCode: 'triase', gap: 1 },
    { nip: 'K', competencyCode: 'triase', gap: 1 },
    { nip: 'G', competencyCode: 'manajemen-lab', gap: 3 },
    { nip: 'X', competencyCode: 'komunikasi', gap: 4 },
  ],
  units: [
    // u2 (procedures) and u9 (facilities) are low too, but no course trains them away.
    {
      unitCode: 'PKM-A',
      kind: 'puskesmas',
      period: '2026-Q1',
      nrr: skm({ u2: 2.0, u6: 2.9, u7: 2.61, u8: 3.2, u9: 2.5 }),
    },
    // u7 exactly at the edge of grade B (76.61 / 25) is not weak.
    { unitCode: 'PKM-B', kind: 'puskesmas', period: '2025-Q4', nrr: skm({ u6: 3.1, u7: 3.0644, u8: 3.0 }) },
    { unitCode: 'LAB', kind: 'office', period: '2025', nrr: skm({ u6: 2.8, u7: 3.3, u8: 3.1 }) },
    { unitCode: 'PKM-C', kind: 'puskesmas', period: null, nrr: null },
  ],
  expiring: [
    { nip: 'F', competencyCode: 'bls', expiresOn: '2026-05-01' },
    { nip: 'G', competencyCode: 'bls', expiresOn: '2026-09-15' },
    { nip: 'H', competencyCode: 'ppi', expiresOn: '2026-11-30' },
    { nip: 'X', competencyCode: 'bls', expiresOn: '2026-02-01' },
  ],
  costPerJp: { ...DEFAULT_UNIT_COSTS },
};

const KLASIKAL = 250_000;
const E_LEARNING = 40_000;
type Expected = [string, string, PlanLine['form'], number, string[], number, number];
const row = (l: PlanLine): Expected => [
  l.lineId,
  l.competencyArea,
  l.form,
  l.priority,
  l.people,
  l.jpPerPerson,
  l.estimatedRupiah,
];

describe('the needs analysis of an OPD (the worked example)', () => {
  const lines = proposePlan(DINKES_2026);

  it('proposes one line per gap competency, weak SKM area, expiring certification and JP band, by priority then id', () => {
    expect(lines.map(row)).toEqual<Expected[]>([
      ['gap-komunikasi', 'komunikasi', 'klasikal', 1, ['A', 'D'], 16, 2 * 16 * KLASIKAL],
      ['gap-manajemen-lab', 'manajemen-lab', 'klasikal', 1, ['G'], 24, 24 * KLASIKAL],
      ['skm-komunikasi', 'komunikasi', 'klasikal', 1, ['A', 'B', 'C'], 8, 3 * 8 * KLASIKAL],
      ['skm-patient-management', 'patient-management', 'klasikal', 1, ['A', 'B', 'C'], 8, 3 * 8 * KLASIKAL],
      ['skm-pelayanan-publik', 'pelayanan-publik', 'klasikal', 1, ['D', 'G'], 8, 2 * 8 * KLASIKAL],
      ['cert-bls', 'bls', 'klasikal', 2, ['F', 'G'], 8, 2 * 8 * KLASIKAL],
      ['cert-ppi', 'ppi', 'klasikal', 2, ['H'], 8, 8 * KLASIKAL],
      ['gap-triase', 'triase', 'e-learning', 2, ['E', 'F', 'K'], 8, 3 * 8 * E_LEARNING],
      ['jp-shortfall-4', 'pengembangan-diri-dan-orang-lain', 'e-learning', 3, ['B', 'J', 'K'], 4, 3 * 4 * E_LEARNING],
      ['jp-shortfall-8', 'pengembangan-diri-dan-orang-lain', 'e-learning', 3, ['H'], 8, 8 * E_LEARNING],
      ['jp-shortfall-20', 'pengembangan-diri-dan-orang-lain', 'e-learning', 3, ['I'], 20, 20 * E_LEARNING],
    ]);
  });

  it('names why each line is there: the weak elements with unit, NRR and period', () => {
    const why = Object.fromEntries(lines.map((l) => [l.lineId, l.rationale]));
    expect(why['skm-komunikasi']).toBe('NRR u7 2.61 at PKM-A, 2026-Q1');
    expect(why['skm-pelayanan-publik']).toBe('NRR u6 2.80 at LAB, 2025; NRR u8 3.00 at PKM-B, 2025-Q4');
    expect(why['gap-komunikasi']).toBe("2 staff below their position's level in komunikasi (largest gap 2)");
    expect(why['cert-bls']).toBe('2 certification(s) in bls expire, the first on 2026-05-01, not renewed');
    expect(why['jp-shortfall-8']).toBe('1 PNS short of 20 JP by 5–8 JP after the lines above');
  });

  it('fills every line the same way: head count from the people named, any time in the year, cost per JP by form', () => {
    for (const l of lines) {
      expect(l.headCount).toBe(l.people.length);
      expect(l.quarter).toBeNull();
      expect(l.costPerJp).toBe(DINKES_2026.costPerJp[l.form]);
      expect(l.estimatedRupiah).toBe(l.headCount * l.jpPerPerson * l.costPerJp);
    }
  });

  it('adds up to 11 lines, 11 people, 208 JP and Rp 38,560,000', () => {
    expect(planTotals(lines)).toEqual({ lines: 11, people: 11, jp: 208, rupiah: 38_560_000 });
  });
});

describe('the needs analysis, rule by rule', () => {
  const none: NeedsInputs = { ...DINKES_2026, staff: [], gaps: [], units: [], expiring: [] };

  it('proposes nothing for an OPD whose PNS all have 20 JP', () => {
    expect(proposePlan({ ...none, staff: [pns('A', 20), pns('B', 32)] })).toEqual([]);
  });

  it('caps a gap line at 24 JP', () => {
    const [line] = proposePlan({ ...none, staff: [pns('A', 20)], gaps: [{ nip: 'A', competencyCode: 'k', gap: 4 }] });
    expect(line).toMatchObject({ lineId: 'gap-k', jpPerPerson: 24, form: 'klasikal', priority: 1 });
  });

  it('leaves PPPK out of the JP shortfall: their 24 JP is a cap, not a target', () => {
    const staff = [{ nip: 'C', employmentType: 'PPPK' as const, serviceUnit: null, jpCredited: 0 }];
    expect(proposePlan({ ...none, staff })).toEqual([]);
  });

  it('proposes no line for a weak unit without active staff', () => {
    const units = [{ unitCode: 'PKM-Z', kind: 'puskesmas', period: '2026-Q1', nrr: skm({ u7: 2.0 }) }];
    expect(proposePlan({ ...none, staff: [pns('A', 20)], units })).toEqual([]);
  });
});
