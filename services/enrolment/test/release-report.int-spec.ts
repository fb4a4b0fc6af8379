import type { INestApplication } from '@nestjs/common';
import type { ReleaseReport } from '@kompeten/api';
import type { DeclineReason, ProgrammeEvent, WithdrawalReason, WorkUnit } from '@kompeten/contracts';
import { EventStore, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import type { ProjectionRunner } from '@kompeten/messaging';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, startEnrolmentApp } from './enrolment-app';
import { details, session } from './programme.mother';

// The unit head's decisions are appended as the programme decider records them (the read model is
// what is tested here; the decisions themselves are the decider's tests).
const meta: EventMetadata = { actor: 'user:test', correlationId: 'release-report', causationId: null };
const PKM_A: WorkUnit = { opd: 'DINKES', serviceUnit: 'PKM-A' };
const PKM_B: WorkUnit = { opd: 'DINKES', serviceUnit: 'PKM-B' };
const BKPSDM: WorkUnit = { opd: 'BKPSDM', serviceUnit: null };
/** City (WIB, UTC+7) dates at instants: 18:00 UTC is already the next day in Bukittinggi. */
const NIGHT_OF_MARCH_31 = '2026-03-31T18:00:00Z'; // 2026-04-01 in the city: Q2

type ProjectionStatus = { name: string } & Awaited<ReturnType<ProjectionRunner['status']>>;

describe('the release report over the read model', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  const http = () => httpOf(app);
  let seq = 0;

  const append = (programmeId: string, events: NewEvent<ProgrammeEvent>[]) =>
    store.append(`programme-${programmeId}`, 'any', events, meta);
  const publish = (programmeId: string, firstSession: string, releaseRequired: boolean) =>
    append(programmeId, [
      {
        type: 'ProgrammePublished',
        data: {
          programmeId,
          ...details({ capacity: 50, releaseRequired, sessions: [session('s1', firstSession, 'Hari 1')] }),
        },
      },
    ]);
  /** A new enrolment of a staff member of `workUnit` asked for on `enrolledOn`; its id. */
  async function enrolled(programmeId: string, workUnit: WorkUnit, enrolledOn: string): Promise<string> {
    const n = nip(++seq);
    const enrolmentId = `${programmeId}-${n}`;
    await append(programmeId, [
      {
        type: 'StaffEnrolled',
        data: {
          enrolmentId,
          programmeId,
          nip: n,
          workUnit,
          fundingOpd: workUnit.opd,
          costPerParticipant: 1_500_000,
          jp: 24,
          competencyType: 'teknis',
          competencyArea: 'patient-management',
          year: Number(enrolledOn.slice(0, 4)),
          attempt: 1,
          enrolledOn,
          need: null,
        },
      },
    ]);
    return enrolmentId;
  }
  const ids = (enrolmentId: string) => {
    const [programmeId] = enrolmentId.split('-');
    return { enrolmentId, programmeId, nip: enrolmentId.slice(programmeId.length + 1) };
  };
  const approve = (enrolmentId: string, approvedOn: string, nominated = false) =>
    append(ids(enrolmentId).programmeId, [
      {
        type: 'EnrolmentApproved',
        data: {
          ...ids(enrolmentId),
          suratTugas: { number: `800/${++seq}/PKM`, date: approvedOn },
          approvedOn,
          nominated,
        },
      },
      { type: 'EnrolmentConfirmed', data: { ...ids(enrolmentId), commitmentId: `c-${enrolmentId}` } },
    ]);
  const decline = (
    enrolmentId: string,
    workUnit: WorkUnit,
    reason: DeclineReason,
    declinedOn: string,
    requestedOn: string,
  ) =>
    append(ids(enrolmentId).programmeId, [
      {
        type: 'EnrolmentDeclined',
        data: { ...ids(enrolmentId), workUnit, reason, note: null, declinedOn, requestedOn },
      },
    ]);
  const withdraw = (enrolmentId: string, reason: WithdrawalReason, at: string, wasConfirmed = true) =>
    append(ids(enrolmentId).programmeId, [
      {
        type: 'EnrolmentWithdrawn',
        data: { ...ids(enrolmentId), reason, note: null, wasConfirmed },
        occurredAt: new Date(at),
      },
    ]);

  /** The report once the read model has every event appended. */
  async function report(query: string): Promise<ReleaseReport> {
    const head = (await store.head()).position;
    await eventually(async () => {
      const list = (await http().get('/admin/projections').expect(200)).body as ProjectionStatus[];
      return list.find((p) => p.name === 'release_report')?.position === head ? true : undefined;
    });
    return (await http().get(`/reports/releases${query}`).expect(200)).body as ReleaseReport;
  }

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    // Programmes with ids free of '-' (ids() splits on the first one).
    await publish('komunikasi', '2026-03-10', true);
    await publish('triase', '2026-05-04', true);
    await publish('pelatihan', '2026-03-02', false); // cancelled below
    await publish('lama', '2025-11-20', true);

    // PKM-A: two approved on request (3 and 10 days), both then withdrawn late; two declines for workload.
    const a1 = await enrolled('komunikasi', PKM_A, '2026-01-05');
    await approve(a1, '2026-01-08');
    await withdraw(a1, 'workload', '2026-03-06T03:00:00Z'); // 4 days before 03-10: lost
    const a2 = await enrolled('komunikasi', PKM_A, '2026-01-30');
    await approve(a2, '2026-02-09');
    await withdraw(a2, 'transfer', NIGHT_OF_MARCH_31); // after the first session, in Q2 by the city's date
    const a3 = await enrolled('triase', PKM_A, '2026-02-01');
    await decline(a3, PKM_A, 'workload-no-cover', '2026-02-03', '2026-02-01');
    const a4 = await enrolled('triase', PKM_A, '2026-03-30');
    await decline(a4, PKM_A, 'workload-no-cover', '2026-04-02', '2026-03-30');

    // PKM-B: a nomination; an early withdrawal; a late one on a programme that is then cancelled.
    await approve(await enrolled('triase', PKM_B, '2026-02-10'), '2026-02-10', true);
    const b2 = await enrolled('triase', PKM_B, '2026-02-11');
    await approve(b2, '2026-02-12');
    await withdraw(b2, 'illness', '2026-02-20T03:00:00Z'); // 73 days before: the seat could be filled
    const b3 = await enrolled('pelatihan', PKM_B, '2026-02-12');
    await append('pelatihan', [{ type: 'EnrolmentConfirmed', data: { ...ids(b3), commitmentId: `c-${b3}` } }]);
    await withdraw(b3, 'workload', '2026-03-01T03:00:00Z');
    await append('pelatihan', [
      {
        type: 'ProgrammeCancelled',
        data: { programmeId: 'pelatihan', reason: 'Narasumber berhalangan', affectedNips: [] },
      },
    ]);

    // BKPSDM, the year before.
    const c1 = await enrolled('lama', BKPSDM, '2025-10-01');
    await decline(c1, BKPSDM, 'budget', '2025-10-15', '2025-10-01');
  });
  afterAll(() => stop());

  const zero = {
    declines: { 'workload-no-cover': 0, 'service-continuity': 0, 'not-relevant': 0, budget: 0, other: 0 },
    withdrawals: { workload: 0, illness: 0, transfer: 0, other: 0 },
    noLeadTime: { n: 0, median: null, p90: null },
  };

  it('counts requests, releases, declines and withdrawals per unit and quarter of the city’s calendar', async () => {
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-06-15T03:00:00Z'));
    const body = await report(''); // the city's current year
    expect(body.year).toBe(2026);
    expect(body.lateWithdrawalDays).toBe(7);
    expect(body.filter).toEqual({ opd: null, serviceUnit: null });
    expect(body.rows).toEqual([
      {
        ...PKM_A,
        quarter: '2026-Q1',
        requests: 4,
        approvals: 2,
        nominations: 0,
        declines: { ...zero.declines, 'workload-no-cover': 1 },
        withdrawals: { ...zero.withdrawals, workload: 1 },
        approvalLeadTimeDays: { n: 2, median: 6.5, p90: 9.3 },
        seatsLostToLateWithdrawals: 1,
      },
      {
        ...PKM_A,
        quarter: '2026-Q2',
        requests: 0,
        approvals: 0,
        nominations: 0,
        declines: { ...zero.declines, 'workload-no-cover': 1 },
        withdrawals: { ...zero.withdrawals, transfer: 1 },
        approvalLeadTimeDays: zero.noLeadTime,
        seatsLostToLateWithdrawals: 1,
      },
      {
        ...PKM_B,
        quarter: '2026-Q1',
        requests: 1, // the nomination is no request; the cancelled programme asked for no release
        approvals: 2,
        nominations: 1,
        declines: zero.declines,
        withdrawals: { ...zero.withdrawals, workload: 1, illness: 1 },
        approvalLeadTimeDays: { n: 1, median: 1, p90: 1 },
        seatsLostToLateWithdrawals: 0,
      },
    ]);
    expect(body.totals).toMatchObject({
      requests: 5,
      approvals: 4,
      nominations: 1,
      approvalLeadTimeDays: { n: 3, median: 3, p90: 8.6 },
      seatsLostToLateWithdrawals: 2,
    });
    expect(body.hotspots).toEqual([
      { ...PKM_A, workloadDeclines: 2, workloadWithdrawals: 1, total: 3 },
      { ...PKM_B, workloadDeclines: 0, workloadWithdrawals: 1, total: 1 },
    ]);
  });

  it('answers another year and one unit when asked', async () => {
    const last = await report('?year=2025&opd=BKPSDM');
    expect(last.filter).toEqual({ opd: 'BKPSDM', serviceUnit: null });
    expect(last.rows).toEqual([
      expect.objectContaining({
        ...BKPSDM,
        quarter: '2025-Q4',
        requests: 1,
        declines: { ...zero.declines, budget: 1 },
      }),
    ]);
    expect(last.hotspots).toEqual([]);
    const pkmB = await report('?year=2026&serviceUnit=PKM-B');
    expect(pkmB.rows.map((r) => `${r.serviceUnit}/${r.quarter}`)).toEqual(['PKM-B/2026-Q1']);
  });

  it('answers CSV with format=csv', async () => {
    await report('?year=2026');
    const res = await http().get('/reports/releases?year=2026&opd=DINKES&format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="releases-2026-DINKES.csv"');
    expect(res.text.split('\r\n')).toEqual([
      'opd,service_unit,quarter,requests,approvals,nominations,declined_workload_no_cover,declined_service_continuity,declined_not_relevant,declined_budget,declined_other,withdrawn_workload,withdrawn_illness,withdrawn_transfer,withdrawn_other,lead_time_n,lead_time_median_days,lead_time_p90_days,seats_lost_late_withdrawal',
      'DINKES,PKM-A,2026-Q1,4,2,0,1,0,0,0,0,1,0,0,0,2,6.5,9.3,1',
      'DINKES,PKM-A,2026-Q2,0,0,0,1,0,0,0,0,0,0,1,0,0,,,1',
      'DINKES,PKM-B,2026-Q1,1,2,1,0,0,0,0,0,1,1,0,0,1,1,1,0',
      '',
    ]);
  });

  it.each(['1999', '2101', 'soon'])('refuses year=%s with a 400 naming year', async (year) => {
    const res = await http().get(`/reports/releases?year=${year}`).expect(400);
    // Every error names year (a word also fails the integer check besides the bounds).
    expect(new Set((res.body as ProblemDetails).errors?.map((e) => e.field))).toEqual(new Set(['year']));
  });
});
