import { releaseReportCsv } from './release-report.csv';
import {
  buildReleaseReport,
  HOTSPOT_LIMIT,
  isLateWithdrawal,
  LATE_WITHDRAWAL_DAYS,
  leadTimeStats,
  type EnrolmentFacts,
} from './release-report';

const PKM = { opd: 'DINKES', serviceUnit: 'PKM-GULAI-BANCAH' };
/** An enrolment on a programme that needs a release, nothing decided yet. */
const facts = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  ...PKM,
  releaseRequired: true,
  requestedOn: null,
  approvedOn: null,
  nominated: null,
  declinedOn: null,
  declineReason: null,
  withdrawnOn: null,
  withdrawalReason: null,
  wasConfirmed: null,
  firstSession: null,
  cancelled: false,
  ...over,
});
const approved = (requestedOn: string, approvedOn: string, over: Partial<EnrolmentFacts> = {}) =>
  facts({ requestedOn, approvedOn, nominated: false, ...over });
const withdrawn = (withdrawnOn: string, firstSession: string | null, over: Partial<EnrolmentFacts> = {}) =>
  facts({ withdrawnOn, withdrawalReason: 'workload', wasConfirmed: true, firstSession, ...over });

describe('approval lead time', () => {
  it('has n and no figures when nothing was approved', () => {
    expect(leadTimeStats([])).toEqual({ n: 0, median: null, p90: null });
  });

  it('takes the median and the 90th percentile by linear interpolation (numpy’s default), in days to one decimal', () => {
    // numpy.percentile(range(1, 11), [50, 90]) → [5.5, 9.1]
    expect(leadTimeStats([10, 3, 1, 7, 2, 9, 4, 8, 6, 5])).toEqual({ n: 10, median: 5.5, p90: 9.1 });
    // numpy.percentile([0, 2, 14], [50, 90]) → [2, 11.6]
    expect(leadTimeStats([14, 0, 2])).toEqual({ n: 3, median: 2, p90: 11.6 });
    expect(leadTimeStats([4])).toEqual({ n: 1, median: 4, p90: 4 });
  });

  it('counts the days from the request to the release, leaving nominations out', () => {
    const { totals } = buildReleaseReport(
      [
        approved('2026-01-05', '2026-01-08'),
        approved('2026-01-30', '2026-02-09'),
        approved('2026-02-01', '2026-02-01', { nominated: true }),
        facts({ approvedOn: '2026-02-02', nominated: false }), // no request date known (a v1 enrolment)
      ],
      2026,
    );
    expect(totals).toMatchObject({ approvals: 4, nominations: 1, requests: 2 });
    expect(totals.approvalLeadTimeDays).toEqual({ n: 2, median: 6.5, p90: 9.3 });
  });
});

describe('seats lost to late withdrawals', () => {
  const first = '2026-03-10';

  it(`counts a confirmed seat given up fewer than ${LATE_WITHDRAWAL_DAYS} days before the first session`, () => {
    expect(isLateWithdrawal(withdrawn('2026-03-03', first))).toBe(false); // 7 days before: time to fill the seat
    expect(isLateWithdrawal(withdrawn('2026-03-04', first))).toBe(true); // 6 days before
    expect(isLateWithdrawal(withdrawn('2026-03-10', first))).toBe(true); // on the day
  });

  it('counts one given up after the first session', () => {
    expect(isLateWithdrawal(withdrawn('2026-03-12', first))).toBe(true);
  });

  it('does not count a seat never confirmed, a programme without sessions, or one later cancelled', () => {
    expect(isLateWithdrawal(withdrawn('2026-03-09', first, { wasConfirmed: false }))).toBe(false);
    expect(isLateWithdrawal(withdrawn('2026-03-09', null))).toBe(false);
    expect(isLateWithdrawal(withdrawn('2026-03-09', first, { cancelled: true }))).toBe(false);
  });

  it('adds them up in the quarter of the withdrawal', () => {
    const { rows } = buildReleaseReport(
      [withdrawn('2026-03-28', '2026-04-02'), withdrawn('2026-04-03', '2026-04-02'), withdrawn('2026-03-01', first)],
      2026,
    );
    expect(rows.map((r) => [r.quarter, r.withdrawals.workload, r.seatsLostToLateWithdrawals])).toEqual([
      ['2026-Q1', 2, 1],
      ['2026-Q2', 1, 1],
    ]);
  });
});

describe('quarters, units and reasons', () => {
  it('counts each event in the quarter of its own date: asked in March, declined in April', () => {
    const report = buildReleaseReport(
      [facts({ requestedOn: '2026-03-31', declinedOn: '2026-04-01', declineReason: 'workload-no-cover' })],
      2026,
    );
    expect(report.rows.map((r) => [r.quarter, r.requests, r.declines['workload-no-cover']])).toEqual([
      ['2026-Q1', 1, 0],
      ['2026-Q2', 0, 1],
    ]);
  });

  it('leaves out what happened in another year', () => {
    const report = buildReleaseReport([approved('2025-12-29', '2026-01-02')], 2026);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ quarter: '2026-Q1', requests: 0, approvals: 1 });
    expect(report.rows[0].approvalLeadTimeDays).toEqual({ n: 1, median: 4, p90: 4 });
  });

  it('lists every reason, with 0 for those not given', () => {
    const [row] = buildReleaseReport(
      [facts({ declinedOn: '2026-05-02', declineReason: 'service-continuity' })],
      2026,
    ).rows;
    expect(row.declines).toEqual({
      'workload-no-cover': 0,
      'service-continuity': 1,
      'not-relevant': 0,
      budget: 0,
      other: 0,
    });
    expect(row.withdrawals).toEqual({ workload: 0, illness: 0, transfer: 0, other: 0 });
  });

  it('does not count requests for programmes that need no release', () => {
    expect(
      buildReleaseReport([facts({ requestedOn: '2026-05-02', releaseRequired: false })], 2026).totals.requests,
    ).toBe(0);
  });

  it('orders rows by OPD, service unit (the OPD’s own staff first) and quarter', () => {
    const at = (opd: string, serviceUnit: string | null, date: string) =>
      facts({ opd, serviceUnit, declinedOn: date, declineReason: 'budget' });
    const { rows } = buildReleaseReport(
      [
        at('DINKES', 'PKM-B', '2026-02-01'),
        at('DINKES', null, '2026-08-01'),
        at('DINKES', 'PKM-A', '2026-11-01'),
        at('BKPSDM', null, '2026-01-01'),
        at('DINKES', 'PKM-A', '2026-01-01'),
      ],
      2026,
    );
    expect(rows.map((r) => `${r.opd}/${r.serviceUnit ?? '-'}/${r.quarter}`)).toEqual([
      'BKPSDM/-/2026-Q1',
      'DINKES/-/2026-Q3',
      'DINKES/PKM-A/2026-Q1',
      'DINKES/PKM-A/2026-Q4',
      'DINKES/PKM-B/2026-Q1',
    ]);
  });
});

describe('workload hotspots', () => {
  const busy = (serviceUnit: string, declines: number, withdrawals: number) => [
    ...Array.from({ length: declines }, (_, i) =>
      facts({ serviceUnit, declinedOn: `2026-0${1 + (i % 9)}-10`, declineReason: 'workload-no-cover' }),
    ),
    ...Array.from({ length: withdrawals }, () =>
      facts({ serviceUnit, withdrawnOn: '2026-06-01', withdrawalReason: 'workload', wasConfirmed: false }),
    ),
  ];

  it('names the units with the most workload declines and withdrawals over the year, most first', () => {
    const { hotspots } = buildReleaseReport(
      [
        ...busy('PKM-A', 1, 1),
        ...busy('PKM-B', 4, 1),
        ...busy('PKM-C', 0, 0),
        facts({ serviceUnit: 'PKM-C', declinedOn: '2026-02-02', declineReason: 'budget' }),
      ],
      2026,
    );
    expect(hotspots).toEqual([
      { opd: 'DINKES', serviceUnit: 'PKM-B', workloadDeclines: 4, workloadWithdrawals: 1, total: 5 },
      { opd: 'DINKES', serviceUnit: 'PKM-A', workloadDeclines: 1, workloadWithdrawals: 1, total: 2 },
    ]);
  });

  it(`names at most ${HOTSPOT_LIMIT}`, () => {
    const many = Array.from({ length: HOTSPOT_LIMIT + 3 }, (_, i) => busy(`PKM-${String(i).padStart(2, '0')}`, 1, 0));
    expect(buildReleaseReport(many.flat(), 2026).hotspots).toHaveLength(HOTSPOT_LIMIT);
  });
});

describe('the CSV', () => {
  it('has one line per unit and quarter, every reason a column, empty cells for figures without n', () => {
    const report = {
      year: 2026,
      filter: { opd: null, serviceUnit: null },
      lateWithdrawalDays: LATE_WITHDRAWAL_DAYS,
      ...buildReleaseReport(
        [
          approved('2026-01-05', '2026-01-08'),
          facts({ serviceUnit: 'PKM, "LAMA"', declinedOn: '2026-04-01', declineReason: 'other' }),
        ],
        2026,
      ),
    };
    expect(releaseReportCsv(report).split('\r\n')).toEqual([
      'opd,service_unit,quarter,requests,approvals,nominations,declined_workload_no_cover,declined_service_continuity,declined_not_relevant,declined_budget,declined_other,withdrawn_workload,withdrawn_illness,withdrawn_transfer,withdrawn_other,lead_time_n,lead_time_median_days,lead_time_p90_days,seats_lost_late_withdrawal',
      'DINKES,"PKM, ""LAMA""",2026-Q2,0,0,0,0,0,0,0,1,0,0,0,0,0,,,0',
      'DINKES,PKM-GULAI-BANCAH,2026-Q1,1,1,0,0,0,0,0,0,0,0,0,0,1,3,3,0',
      '',
    ]);
  });
});
