import { periodEnd } from './planning-inputs.consumer';
import { weakElements, WEAK_NRR } from './skm-elements';
import { DEFAULT_UNIT_COSTS, unitCostsFrom } from './unit-costs';

describe('unit costs per JP', () => {
  it('divides the summed cost by the summed JP of the year’s programmes of a form, to the whole rupiah', () => {
    // Two klasikal programmes: 24 JP at Rp 1,500,000 and 8 JP at Rp 1,000,000 → 2,500,000 / 32 = 78,125.
    // Two e-learning: 10 JP at Rp 350,000 and 20 JP at Rp 650,000 → 1,000,000 / 30 = 33,333.33… → 33,333.
    const costs = unitCostsFrom([
      { form: 'klasikal', programmes: 2, cost: 2_500_000, jp: 32 },
      { form: 'e-learning', programmes: 2, cost: 1_000_000, jp: 30 },
    ]);
    expect(costs.klasikal).toEqual({ costPerJp: 78_125, source: 'programmes', programmes: 2 });
    expect(costs['e-learning']).toEqual({ costPerJp: 33_333, source: 'programmes', programmes: 2 });
  });

  it('falls back to the default of a form no programme was published in', () => {
    const costs = unitCostsFrom([]);
    expect(costs.magang).toEqual({ costPerJp: 120_000, source: 'default', programmes: 0 });
    expect(Object.fromEntries(Object.entries(costs).map(([f, c]) => [f, c.costPerJp]))).toEqual(DEFAULT_UNIT_COSTS);
  });
});

describe('weak SKM elements', () => {
  const nrr = { u1: 1, u2: 1, u3: 1, u4: 1, u5: 1, u6: 3.0643, u7: WEAK_NRR, u8: 3.5, u9: 1 };

  it('are the staff elements u6, u7, u8 below the lower edge of grade B (NRR 3.0644), the others never', () => {
    expect(weakElements({ unitCode: 'PKM-A', kind: 'puskesmas', period: '2026-Q2', nrr })).toEqual([
      { unitCode: 'PKM-A', period: '2026-Q2', element: 'u6', nrr: 3.0643, competencyArea: 'patient-management' },
    ]);
  });

  it('train public service, not patient management, where the unit is not a puskesmas', () => {
    const [weak] = weakElements({ unitCode: 'DUKCAPIL-1', kind: 'counter', period: '2026', nrr });
    expect(weak.competencyArea).toBe('pelayanan-publik');
  });

  it('are none for a unit without a closed period', () => {
    expect(weakElements({ unitCode: 'PKM-C', kind: 'puskesmas', period: null, nrr: null })).toEqual([]);
  });
});

describe('the end of a survey period (what orders a unit’s periods)', () => {
  it('is the last day of the year, quarter or month', () => {
    expect(periodEnd('2026')).toBe('2026-12-31');
    expect(periodEnd('2026-Q1')).toBe('2026-03-31');
    expect(periodEnd('2026-Q4')).toBe('2026-12-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
  });
});
