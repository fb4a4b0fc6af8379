import { medianSorted, quantileSorted } from 'simple-statistics';
import type { ReleaseReport } from '@kompeten/api';
import { DECLINE_REASONS, WITHDRAWAL_REASONS, type DeclineReason, type WithdrawalReason } from '@kompeten/contracts';
import { daysBetween, quarterOf } from '@kompeten/domain';

/**
 * A confirmed seat given up fewer days than this before the programme's first session (or after it)
 * is counted lost: a week is about what the training officer needs to offer the seat to the next on
 * the waitlist, have their unit head release them and the budget commit the funds. Withdrawn 7 or
 * more days before: not late.
 */
export const LATE_WITHDRAWAL_DAYS = 7;
/** How many units the hotspot list names. */
export const HOTSPOT_LIMIT = 10;
/** The reasons that are "too busy to attend": a unit head's and a staff member's. */
export const WORKLOAD_DECLINE_REASON: DeclineReason = 'workload-no-cover';
export const WORKLOAD_WITHDRAWAL_REASON: WithdrawalReason = 'workload';

/** One enrolment as the release_report read model keeps it (dates are city dates, YYYY-MM-DD). */
export interface EnrolmentFacts {
  opd: string;
  serviceUnit: string | null;
  releaseRequired: boolean;
  requestedOn: string | null;
  approvedOn: string | null;
  nominated: boolean | null;
  declinedOn: string | null;
  declineReason: DeclineReason | null;
  withdrawnOn: string | null;
  withdrawalReason: WithdrawalReason | null;
  wasConfirmed: boolean | null;
  /** The programme's first session when the withdrawal was recorded; null without sessions. */
  firstSession: string | null;
  /** The programme was cancelled (no seat was lost: the training did not take place). */
  cancelled: boolean;
}

type Figures = ReleaseReport['totals'];
type Row = ReleaseReport['rows'][number];
type LeadTime = Figures['approvalLeadTimeDays'];

/** A confirmed seat given up too late to be filled: less than LATE_WITHDRAWAL_DAYS before the first session, or after it. */
export const isLateWithdrawal = (f: EnrolmentFacts): boolean =>
  f.withdrawnOn !== null &&
  f.wasConfirmed === true &&
  !f.cancelled &&
  f.firstSession !== null &&
  daysBetween(f.withdrawnOn, f.firstSession) < LATE_WITHDRAWAL_DAYS;

/** Days to one decimal: the figures are read as days, and the interpolation's float noise goes. */
const tenths = (days: number) => Math.round(days * 10) / 10;

/**
 * Median and 90th percentile of lead times in days, with their n; null figures when n = 0. Both by
 * simple-statistics: linear interpolation between order statistics (Hyndman–Fan type 7, numpy's and
 * R's default), so p90 of 1…10 days is 9.1.
 */
export function leadTimeStats(days: readonly number[]): LeadTime {
  if (!days.length) return { n: 0, median: null, p90: null };
  const sorted = [...days].sort((a, b) => a - b);
  return { n: sorted.length, median: tenths(medianSorted(sorted)), p90: tenths(quantileSorted(sorted, 0.9)) };
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Figures being counted, with the lead times kept until the statistics are taken. */
interface Tally extends Omit<Figures, 'approvalLeadTimeDays'> {
  leadTimes: number[];
}
const emptyTally = (): Tally => ({
  requests: 0,
  approvals: 0,
  nominations: 0,
  declines: zeroes(DECLINE_REASONS),
  withdrawals: zeroes(WITHDRAWAL_REASONS),
  leadTimes: [],
  seatsLostToLateWithdrawals: 0,
});
const figuresOf = ({ leadTimes, ...counts }: Tally): Figures => ({
  ...counts,
  approvalLeadTimeDays: leadTimeStats(leadTimes),
});

/** Each thing an enrolment contributes, with the city date that places it in a quarter. */
function* contributions(f: EnrolmentFacts): Generator<[string, (t: Tally) => void]> {
  if (f.requestedOn && f.releaseRequired && f.nominated !== true) yield [f.requestedOn, (t) => t.requests++];
  if (f.approvedOn) {
    const { approvedOn, requestedOn, nominated } = f;
    yield [
      approvedOn,
      (t) => {
        t.approvals++;
        if (nominated) t.nominations++;
        else if (requestedOn) t.leadTimes.push(daysBetween(requestedOn, approvedOn));
      },
    ];
  }
  if (f.declinedOn && f.declineReason) {
    const reason = f.declineReason;
    yield [f.declinedOn, (t) => t.declines[reason]++];
  }
  if (f.withdrawnOn && f.withdrawalReason) {
    const reason = f.withdrawalReason;
    const late = isLateWithdrawal(f);
    yield [
      f.withdrawnOn,
      (t) => {
        t.withdrawals[reason]++;
        if (late) t.seatsLostToLateWithdrawals++;
      },
    ];
  }
}

const unitKey = (opd: string, serviceUnit: string | null) => `${opd}\u0000${serviceUnit ?? ''}`;
/** Code-unit order (as Postgres's C collation: the same on every machine), null first. */
const compare = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
const byUnit = (a: { opd: string; serviceUnit: string | null }, b: { opd: string; serviceUnit: string | null }) =>
  compare(a.opd, b.opd) || compare(a.serviceUnit, b.serviceUnit);

/**
 * The report's figures for one year: each event is counted in the quarter of its own city date
 * (request, release, decline, withdrawal), so an enrolment asked for in March and declined in April
 * counts a request in Q1 and a decline in Q2; events outside the year are not counted.
 */
export function buildReleaseReport(
  facts: readonly EnrolmentFacts[],
  year: number,
): Pick<ReleaseReport, 'rows' | 'totals' | 'hotspots'> {
  const cells = new Map<string, { opd: string; serviceUnit: string | null; quarter: string; tally: Tally }>();
  const totals = emptyTally();
  for (const f of facts) {
    for (const [date, count] of contributions(f)) {
      if (!date.startsWith(`${year}-`)) continue;
      const quarter = quarterOf(date);
      const key = `${unitKey(f.opd, f.serviceUnit)}\u0000${quarter}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { opd: f.opd, serviceUnit: f.serviceUnit, quarter, tally: emptyTally() }));
      count(cell.tally);
      count(totals);
    }
  }
  const rows: Row[] = [...cells.values()]
    .sort((a, b) => byUnit(a, b) || compare(a.quarter, b.quarter))
    .map(({ opd, serviceUnit, quarter, tally }) => ({ opd, serviceUnit, quarter, ...figuresOf(tally) }));
  return { rows, totals: figuresOf(totals), hotspots: hotspots(rows) };
}

/** The units with the most workload declines and withdrawals over the year's quarters. */
function hotspots(rows: readonly Row[]): ReleaseReport['hotspots'] {
  const units = new Map<string, ReleaseReport['hotspots'][number]>();
  for (const r of rows) {
    const key = unitKey(r.opd, r.serviceUnit);
    const unit = units.get(key) ?? {
      opd: r.opd,
      serviceUnit: r.serviceUnit,
      workloadDeclines: 0,
      workloadWithdrawals: 0,
      total: 0,
    };
    unit.workloadDeclines += r.declines[WORKLOAD_DECLINE_REASON];
    unit.workloadWithdrawals += r.withdrawals[WORKLOAD_WITHDRAWAL_REASON];
    unit.total = unit.workloadDeclines + unit.workloadWithdrawals;
    units.set(key, unit);
  }
  return [...units.values()]
    .filter((u) => u.total > 0)
    .sort((a, b) => b.total - a.total || byUnit(a, b))
    .slice(0, HOTSPOT_LIMIT);
}
