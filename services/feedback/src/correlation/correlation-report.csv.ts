import type { CorrelationReport } from './correlation-report.builder';

type Cell = string | number | boolean | null | undefined;

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
const field = (v: Cell) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: Cell[][]) =>
  [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

/** Every figure of the report, one per line, each with its n, interval, p-value and status. */
export function figuresCsv(report: CorrelationReport): string {
  const rows: Cell[][] = [];
  for (const c of report.correlations) {
    for (const f of [c.pearson, c.spearman]) {
      rows.push([
        'correlation',
        c.measure,
        c.outcome,
        f.method,
        f.estimate,
        f.n,
        null,
        null,
        f.ci95?.[0],
        f.ci95?.[1],
        f.pValue,
        f.status,
      ]);
    }
  }
  for (const e of report.programmeEffects) {
    rows.push([
      'difference-in-differences',
      e.programmeId,
      'ikm',
      `${e.window.pre}→${e.window.post}`,
      e.estimate,
      e.treated.n + e.control.n,
      e.treated.n,
      e.control.n,
      e.ci95?.[0],
      e.ci95?.[1],
      e.pValue,
      e.status,
    ]);
    const cost = e.costPerIkmPoint;
    rows.push([
      'cost-per-ikm-point',
      e.programmeId,
      'ikm',
      'rupiah per IKM point per unit',
      cost.value,
      e.treated.n + e.control.n,
      e.treated.n,
      e.control.n,
      cost.ci95?.[0],
      cost.ci95?.[1],
      null,
      cost.status,
    ]);
  }
  for (const o of report.staffComparison.outcomes) {
    rows.push([
      'staff-comparison',
      'trained-vs-untrained',
      o.outcome,
      'welch',
      o.difference,
      o.trained.staff + o.untrained.staff,
      o.trained.staff,
      o.untrained.staff,
      o.ci95?.[0],
      o.ci95?.[1],
      o.pValue,
      o.status,
    ]);
  }
  return csv(
    [
      'section',
      'subject',
      'outcome',
      'method',
      'estimate',
      'n',
      'n_a',
      'n_b',
      'ci95_low',
      'ci95_high',
      'p_value',
      'status',
    ],
    rows,
  );
}

/** The unit-period rows the figures were computed from. */
export function observationsCsv(report: CorrelationReport): string {
  return csv(
    [
      'unit_code',
      'period',
      'responses',
      'sample_target',
      'sample_adequate',
      'ikm',
      'grade',
      'u6',
      'u7',
      'headcount',
      'share_20jp',
      'jp_per_staff',
      'gain_n',
      'mean_gain',
      'spend',
      'spend_per_staff',
    ],
    report.rows.map((r) => [
      r.unitCode,
      r.period,
      r.survey.responses,
      r.survey.sampleTarget,
      r.survey.sampleAdequate,
      r.survey.ikm,
      r.survey.grade,
      r.survey.nrr?.u6,
      r.survey.nrr?.u7,
      r.training.headcount,
      r.training.share20Jp,
      r.training.jpPerStaff,
      r.training.gainN,
      r.training.meanPostAssessmentGain,
      r.training.spend,
      r.training.spendPerStaff,
    ]),
  );
}
