import { parsePeriod } from '../ikm/survey-period';
import type { SurveyTotalsRow } from './training-measures.sql';
import { assembleFacts, ServiceUnitRow, surveyFacts } from './unit-period-facts';

const Q1 = parsePeriod('2026-Q1')!;
/** 200 service users a year: 50 in a quarter, whose Krejcie–Morgan target is 44 (44.34 rounded to nearest). */
const unit: ServiceUnitRow = {
  unit_code: 'PKM-A',
  name: 'Puskesmas A',
  opd: 'DINKES',
  kind: 'puskesmas',
  annual_service_users: 200,
};
const totals = (responses: number): SurveyTotalsRow => ({
  unit_code: 'PKM-A',
  responses,
  u1: 3 * responses,
  u2: 3 * responses,
  u3: 3 * responses,
  u4: 3 * responses,
  u5: 3 * responses,
  u6: 3 * responses,
  u7: 3 * responses,
  u8: 3 * responses,
  u9: 3 * responses,
});

describe('a unit-period’s survey facts', () => {
  it('count a unit exactly at its Krejcie–Morgan target as adequate', () => {
    expect(surveyFacts(unit, Q1, totals(44))).toMatchObject({ population: 50, sampleTarget: 44, sampleAdequate: true });
  });

  it('flag a unit one response short of its target', () => {
    expect(surveyFacts(unit, Q1, totals(43))).toMatchObject({ sampleTarget: 44, sampleAdequate: false });
  });
});

describe('a unit-period’s training facts', () => {
  const noTraining = { staff: [], areas: [], gains: [], spend: [] };

  it('have a headcount and a share with 20 JP for every staff member placed in the unit on the period’s last day', () => {
    const [facts] = assembleFacts([unit], Q1, [totals(44)], {
      ...noTraining,
      staff: [
        { unit_code: 'PKM-A', nip: '198609262015051001', jp: 24 },
        { unit_code: 'PKM-A', nip: '198001012005011002', jp: 0 },
      ],
    });
    expect(facts.training).toMatchObject({ asOf: '2026-03-31', headcount: 2, staffWith20Jp: 1, share20Jp: 0.5 });
  });

  it('have no share (null, not 0) where nobody is known to work there', () => {
    const [facts] = assembleFacts([unit], Q1, [totals(44)], noTraining);
    expect(facts.training).toMatchObject({ headcount: 0, share20Jp: null, jpPerStaff: null, spendPerStaff: null });
  });
});
