import type { SkmScores } from '@kompeten/contracts';
import { mean } from 'simple-statistics';
import { GRADE_LABELS, IkmGrade, ikmOf } from '../ikm/ikm';
import { krejcieMorgan } from '../ikm/krejcie-morgan';
import { monthsBefore, populationFor, SurveyPeriod } from '../ikm/survey-period';
import type { SurveyTotalsRow, TrainingRows } from './training-measures.sql';

/** PP 11/2017 art. 203(4): at least 20 JP of competency development a year. */
export const JP_RIGHT = 20;
/** Training measures look back this many months from the period's last day. */
export const TRAINING_WINDOW_MONTHS = 12;

export interface ServiceUnitRow {
  unit_code: string;
  name: string;
  opd: string;
  kind: string;
  annual_service_users: number;
}

export interface SurveyFacts {
  responses: number;
  /** The period's share of the unit's yearly service users (Krejcie–Morgan N). */
  population: number;
  sampleTarget: number;
  sampleAdequate: boolean;
  nrr: SkmScores | null;
  ikm: number | null;
  ikmRounded: number | null;
  grade: IkmGrade | null;
  gradeLabel: string | null;
}

export interface TrainingFacts {
  /** Staff counted are those assigned to the unit on this date (the period's last day). */
  asOf: string;
  /** Training counted happened in (windowStart, asOf]. */
  windowStart: string;
  headcount: number;
  staffWith20Jp: number;
  share20Jp: number | null;
  jpTotal: number;
  jpPerStaff: number | null;
  completionsByArea: Record<string, number>;
  /** Post-assessments with a learning gain (levels), and their mean. */
  gainN: number;
  meanPostAssessmentGain: number | null;
  /** Rupiah recorded as spent on these staff's training in the window. */
  spend: number;
  spendPerStaff: number | null;
}

export interface UnitPeriodFacts {
  unitCode: string;
  name: string;
  opd: string;
  kind: string;
  period: string;
  survey: SurveyFacts;
  training: TrainingFacts;
}

export const trainingWindow = (p: SurveyPeriod) => ({
  asOf: p.end,
  windowStart: monthsBefore(p.end, TRAINING_WINDOW_MONTHS),
});

export function surveyFacts(
  unit: ServiceUnitRow,
  period: SurveyPeriod,
  totals: SurveyTotalsRow | undefined,
): SurveyFacts {
  const population = populationFor(unit.annual_service_users, period);
  const sampleTarget = krejcieMorgan(population);
  const responses = totals?.responses ?? 0;
  const result = totals ? ikmOf(totals, responses) : null;
  return {
    responses,
    population,
    sampleTarget,
    sampleAdequate: responses >= sampleTarget,
    nrr: result?.nrr ?? null,
    ikm: result?.ikm ?? null,
    ikmRounded: result?.ikmRounded ?? null,
    grade: result?.grade ?? null,
    gradeLabel: result ? GRADE_LABELS[result.grade] : null,
  };
}

function trainingFacts(unitCode: string, period: SurveyPeriod, rows: TrainingRows): TrainingFacts {
  const staff = rows.staff.filter((r) => r.unit_code === unitCode);
  const gains = rows.gains.filter((r) => r.unit_code === unitCode).map((r) => r.gain);
  const spend = rows.spend.filter((r) => r.unit_code === unitCode).reduce((s, r) => s + r.amount, 0);
  const headcount = staff.length;
  const staffWith20Jp = staff.filter((s) => s.jp >= JP_RIGHT).length;
  const jpTotal = staff.reduce((s, r) => s + r.jp, 0);
  const per = (v: number) => (headcount ? v / headcount : null);
  return {
    ...trainingWindow(period),
    headcount,
    staffWith20Jp,
    share20Jp: per(staffWith20Jp),
    jpTotal,
    jpPerStaff: per(jpTotal),
    completionsByArea: Object.fromEntries(
      rows.areas.filter((r) => r.unit_code === unitCode).map((r) => [r.area ?? 'unspecified', r.completions]),
    ),
    gainN: gains.length,
    meanPostAssessmentGain: gains.length ? mean(gains) : null,
    spend,
    spendPerStaff: per(spend),
  };
}

/** One row of the correlation read model: a unit in a period, its IKM and its staff's training. */
export function assembleFacts(
  units: ServiceUnitRow[],
  period: SurveyPeriod,
  totals: SurveyTotalsRow[],
  rows: TrainingRows,
): UnitPeriodFacts[] {
  return units.map((u) => ({
    unitCode: u.unit_code,
    name: u.name,
    opd: u.opd,
    kind: u.kind,
    period: period.id,
    survey: surveyFacts(
      u,
      period,
      totals.find((t) => t.unit_code === u.unit_code),
    ),
    training: trainingFacts(u.unit_code, period, rows),
  }));
}
