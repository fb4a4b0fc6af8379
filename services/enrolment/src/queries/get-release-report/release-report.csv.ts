import type { ReleaseReport } from '@kompeten/api';
import { DECLINE_REASONS, WITHDRAWAL_REASONS } from '@kompeten/contracts';

type Cell = string | number | null;

/** RFC 4180: quote a field when it holds a comma, a quote or a line break. */
const field = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const snake = (s: string) => s.replace(/-/g, '_');

const HEADER = [
  'opd',
  'service_unit',
  'quarter',
  'requests',
  'approvals',
  'nominations',
  ...DECLINE_REASONS.map((r) => `declined_${snake(r)}`),
  ...WITHDRAWAL_REASONS.map((r) => `withdrawn_${snake(r)}`),
  'lead_time_n',
  'lead_time_median_days',
  'lead_time_p90_days',
  'seats_lost_late_withdrawal',
];

/** The report's rows, one line per unit and quarter (empty cells: no figure, n = 0). */
export function releaseReportCsv(report: ReleaseReport): string {
  const lines: Cell[][] = report.rows.map((r) => [
    r.opd,
    r.serviceUnit,
    r.quarter,
    r.requests,
    r.approvals,
    r.nominations,
    ...DECLINE_REASONS.map((k) => r.declines[k]),
    ...WITHDRAWAL_REASONS.map((k) => r.withdrawals[k]),
    r.approvalLeadTimeDays.n,
    r.approvalLeadTimeDays.median,
    r.approvalLeadTimeDays.p90,
    r.seatsLostToLateWithdrawals,
  ]);
  return [HEADER, ...lines].map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}
