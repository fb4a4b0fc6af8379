import type { INestApplication } from '@nestjs/common';
import type { ProgrammeEvent, StaffRegistered, StaffRegisteredV1 } from '@kompeten/contracts';
import { EventStore, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import type { StaffRecordView } from '../src/queries/get-staff-record/get-staff-record.handler';
import type { UnitSummaryView } from '../src/queries/get-unit-summary/get-unit-summary.handler';
import type { StaffBelowJpTargetView } from '../src/queries/list-staff-below-jp-target/list-staff-below-jp-target.handler';
import { nip, staffBody, startEnrolmentApp } from './enrolment-app';

// Instants and the city (WIB, UTC+7) date they fall on.
const DEC_7_NOON_WIB = '2026-12-07T05:00:00Z'; // 2026-12-07
const NEW_YEAR_3AM_WIB = '2026-12-31T20:00:00Z'; // 2027-01-01 in Bukittinggi, still 2026-12-31 in UTC

const meta: EventMetadata = { actor: 'user:test', correlationId: 'staff-and-ledger', causationId: null };

describe('staff registration dates and the JP ledger over HTTP', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  const http = () => httpOf(app);
  const at = (instant: string) => jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(instant));

  /** The staff record once the roster has the staff member (and `ready` holds, when given). */
  const record = (n: string, ready: (r: StaffRecordView) => boolean = () => true) =>
    eventually(async () => {
      const res = await http().get(`/staff/${n}`);
      const body = res.body as StaffRecordView;
      return res.status === 200 && ready(body) ? body : undefined;
    });
  const fieldsOf = (body: unknown) => (body as ProblemDetails).errors?.map((e) => e.field);

  /** A training of `jp` JP the staff member completed on `completedOn` (appended as the programme decider would). */
  async function completed(n: string, programmeId: string, jp: number, completedOn: string, opd = 'DINKES') {
    const workUnit = { opd, serviceUnit: null };
    const course = { competencyType: 'teknis', competencyArea: 'patient-management' } as const;
    const year = Number(completedOn.slice(0, 4));
    const money = { fundingOpd: opd, costPerParticipant: 1000 };
    const enrolmentId = `${programmeId}-${n}`;
    const events: NewEvent<ProgrammeEvent>[] = [
      {
        type: 'StaffEnrolled',
        data: {
          enrolmentId,
          programmeId,
          nip: n,
          workUnit,
          jp,
          year,
          attempt: 1,
          enrolledOn: completedOn,
          need: null,
          ...course,
          ...money,
        },
      },
      {
        type: 'TrainingCompleted',
        data: {
          enrolmentId,
          programmeId,
          nip: n,
          jp,
          year,
          completedOn,
          workUnit,
          attendanceOverride: null,
          ...course,
          ...money,
        },
      },
    ];
    await store.append(`programme-${programmeId}`, 'no-stream', events, meta);
  }

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => stop());

  describe('registering', () => {
    it('registers staff serving before go-live with their real dates, and lists every year since, at 0 JP below target', async () => {
      at(DEC_7_NOON_WIB);
      await http()
        .post('/staff')
        .send(staffBody(nip(1), { registeredOn: '2023-05-02', positionSince: '2024-01-02' }))
        .expect(201);
      const [event] = await store.readStream<StaffRegistered>(`staff-${nip(1)}`);
      expect(event).toMatchObject({
        schemaVersion: 2,
        data: { registeredOn: '2023-05-02', positionSince: '2024-01-02' },
      });

      const staff = await record(nip(1));
      expect(staff).toMatchObject({ registeredOn: '2023-05-02', positionSince: '2024-01-02', leftOn: null });
      expect(staff.jpLedger.map((y) => [y.year, y.from, y.to, y.jpCompleted, y.belowTarget])).toEqual([
        [2023, '2023-01-01', '2023-12-31', 0, true],
        [2024, '2024-01-01', '2024-12-31', 0, true],
        [2025, '2025-01-01', '2025-12-31', 0, true],
        [2026, '2026-01-01', '2026-12-31', 0, true],
      ]);
    });

    it('registers as of the city’s today by default: at 03:00 WIB on 1 January, the new year', async () => {
      at(NEW_YEAR_3AM_WIB);
      await http()
        .post('/staff')
        .send(staffBody(nip(2)))
        .expect(201);
      const staff = await record(nip(2));
      expect(staff).toMatchObject({ registeredOn: '2027-01-01', positionSince: '2027-01-01' });
      expect(staff.jpLedger).toEqual([expect.objectContaining({ year: 2027, jpCompleted: 0, belowTarget: true })]);
    });

    it.each([
      ['a registeredOn after the city’s today', { registeredOn: '2027-01-02' }, 'registeredOn'],
      ['a positionSince after the city’s today', { positionSince: '2027-01-02' }, 'positionSince'],
      [
        'a positionSince before registeredOn',
        { registeredOn: '2020-02-03', positionSince: '2020-02-02' },
        'positionSince',
      ],
      [
        'a PNS registeredOn before the NIP’s appointment month (2010-01)',
        { registeredOn: '2009-12-31' },
        'registeredOn',
      ],
      ['a registeredOn that is no date', { registeredOn: '2026-02-30' }, 'registeredOn'],
      ['a registeredOn given as a UTC instant', { registeredOn: '2026-06-30T18:00:00Z' }, 'registeredOn'],
    ])('refuses %s with 400 naming the field, appending nothing', async (_, dates, field) => {
      at(NEW_YEAR_3AM_WIB);
      const before = await store.head();
      const res = await http()
        .post('/staff')
        .send(staffBody(nip(3), dates))
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await store.head()).toEqual(before);
    });

    it('reads a v1 registration (no positionSince) as in the position since it was registered', async () => {
      const v1: StaffRegisteredV1 = {
        nip: nip(4),
        name: 'Budi',
        employmentType: 'PNS',
        workUnit: { opd: 'DINKES', serviceUnit: null },
        position: 'Perawat',
        registeredOn: '2019-03-01',
      };
      await store.append(
        `staff-${nip(4)}`,
        'no-stream',
        [{ type: 'StaffRegistered', data: v1, schemaVersion: 1 }],
        meta,
      );
      at(DEC_7_NOON_WIB);
      const staff = await record(nip(4));
      expect(staff).toMatchObject({ registeredOn: '2019-03-01', positionSince: '2019-03-01' });
      expect(staff.jpLedger.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    });
  });

  describe('transfers and departures', () => {
    it('take effect on the city’s date, never before the registration or in the future', async () => {
      at(DEC_7_NOON_WIB);
      await http()
        .post('/staff')
        .send(staffBody(nip(5), { registeredOn: '2026-01-05' }))
        .expect(201);
      at(NEW_YEAR_3AM_WIB);
      const transfer = (effectiveOn: string) =>
        http()
          .post(`/staff/${nip(5)}/transfers`)
          .send({ to: { opd: 'BPBD' }, position: 'Analis Kebencanaan', effectiveOn });
      for (const [effectiveOn, why] of [
        ['2026-01-04', 'before the registration'],
        ['2027-01-02', 'in the future'],
        ['2027-01-01T00:00:00+07:00', 'an instant'],
      ]) {
        const res = await transfer(effectiveOn);
        expect({ why, status: res.status, fields: fieldsOf(res.body) }).toEqual({
          why,
          status: 400,
          fields: expect.arrayContaining(['effectiveOn']) as unknown,
        });
      }
      // UTC would say 2026-12-31, and refuse 1 January as the future.
      await transfer('2027-01-01').expect(201);

      const depart = (effectiveOn: string) =>
        http()
          .post(`/staff/${nip(5)}/departure`)
          .send({ reason: 'resigned', effectiveOn });
      expect(fieldsOf((await depart('2026-12-31').expect(400)).body)).toEqual(['effectiveOn']);
      await depart('2027-01-01').expect(201);

      const staff = await record(nip(5), (r) => r.status === 'left');
      expect(staff).toMatchObject({
        registeredOn: '2026-01-05',
        positionSince: '2027-01-01',
        position: 'Analis Kebencanaan',
        leftOn: '2027-01-01',
      });
      expect(staff.jpLedger.map((y) => y.year)).toEqual([2026, 2027]);
    });

    it('ends the ledger in the year the staff member left', async () => {
      at('2024-03-01T03:00:00Z');
      await http()
        .post('/staff')
        .send(staffBody(nip(6), { registeredOn: '2022-08-01' }))
        .expect(201);
      await http()
        .post(`/staff/${nip(6)}/departure`)
        .send({ reason: 'retired', effectiveOn: '2024-02-29' })
        .expect(201);
      at(DEC_7_NOON_WIB);
      const staff = await record(nip(6), (r) => r.status === 'left');
      expect(staff.jpLedger.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    });
  });

  describe('the ledger', () => {
    it('counts a PPPK’s JP per contract year, from the contract anniversary, against the 24 JP cap', async () => {
      at(DEC_7_NOON_WIB);
      await http()
        .post('/staff')
        .send(staffBody(nip(7), { employmentType: 'PPPK', registeredOn: '2024-07-15' }))
        .expect(201);
      await completed(nip(7), 'pppk-a', 16, '2025-03-10');
      await completed(nip(7), 'pppk-b', 16, '2025-09-10');
      await completed(nip(7), 'pppk-c', 16, '2026-02-10');
      const staff = await record(nip(7), (r) => r.training.filter((t) => t.status === 'completed').length === 3);
      expect(staff.jpLedger).toEqual([
        {
          year: 2024,
          from: '2024-07-15',
          to: '2025-07-14',
          jpCompleted: 16,
          target: null,
          cap: 24,
          belowTarget: false,
          overCap: false,
        },
        {
          year: 2025,
          from: '2025-07-15',
          to: '2026-07-14',
          jpCompleted: 32,
          target: null,
          cap: 24,
          belowTarget: false,
          overCap: true,
        },
        {
          year: 2026,
          from: '2026-07-15',
          to: '2027-07-14',
          jpCompleted: 0,
          target: null,
          cap: 24,
          belowTarget: false,
          overCap: false,
        },
      ]);
    });

    it('shows a PNS year with training next to the years without', async () => {
      at(DEC_7_NOON_WIB);
      await http()
        .post('/staff')
        .send(staffBody(nip(8), { registeredOn: '2024-02-01' }))
        .expect(201);
      await completed(nip(8), 'pns-a', 24, '2025-06-30');
      const staff = await record(nip(8), (r) => r.training.some((t) => t.status === 'completed'));
      expect(staff.jpLedger.map((y) => [y.year, y.jpCompleted, y.belowTarget])).toEqual([
        [2024, 0, true],
        [2025, 24, false],
        [2026, 0, true],
      ]);
    });
  });

  it('gives an enrolment promoted from the waitlist the year its seat was charged to', async () => {
    at(DEC_7_NOON_WIB);
    await http()
      .post('/staff')
      .send(staffBody(nip(9)))
      .expect(201);
    const ids = { enrolmentId: 'promoted-9', programmeId: 'promoted', nip: nip(9) };
    const workUnit = { opd: 'DINKES', serviceUnit: null };
    await store.append(
      'programme-promoted',
      'no-stream',
      [
        {
          type: 'EnrolmentWaitlisted',
          data: { ...ids, workUnit, reason: 'capacity', detail: null, need: null },
          occurredAt: new Date(NEW_YEAR_3AM_WIB),
        },
        {
          type: 'StaffEnrolled',
          data: {
            ...ids,
            workUnit,
            fundingOpd: 'DINKES',
            costPerParticipant: 1000,
            jp: 8,
            competencyType: 'teknis',
            competencyArea: 'patient-management',
            year: 2027,
            attempt: 1,
            enrolledOn: '2027-01-02',
            need: null,
          },
        },
      ] satisfies NewEvent<ProgrammeEvent>[],
      meta,
    );
    const staff = await record(nip(9), (r) => r.training.some((t) => t.status === 'pending-funds'));
    expect(staff.training).toEqual([expect.objectContaining({ status: 'pending-funds', year: 2027, jp: 8 })]);
  });

  describe('at 03:00 WIB on 1 January', () => {
    const OPD = 'LEDGER-UNIT';
    const [a, b] = [nip(20), nip(21)];

    beforeAll(async () => {
      at('2025-02-01T03:00:00Z');
      await http()
        .post('/staff')
        .send(staffBody(a, { workUnit: { opd: OPD }, registeredOn: '2025-02-01' }))
        .expect(201);
      at(NEW_YEAR_3AM_WIB);
      await http()
        .post('/staff')
        .send(staffBody(b, { workUnit: { opd: OPD } }))
        .expect(201);
      await completed(a, 'new-year-course', 24, '2027-01-01', OPD);
      const notCompleted: NewEvent<ProgrammeEvent>[] = [
        {
          type: 'StaffEnrolled',
          data: {
            enrolmentId: 'new-year-missed',
            programmeId: 'new-year-missed',
            nip: b,
            workUnit: { opd: OPD, serviceUnit: null },
            fundingOpd: OPD,
            costPerParticipant: 1000,
            jp: 8,
            competencyType: 'teknis',
            competencyArea: 'patient-management',
            year: 2027,
            attempt: 1,
            enrolledOn: '2027-01-01',
            need: null,
          },
        },
        {
          type: 'TrainingNotCompleted',
          data: {
            enrolmentId: 'new-year-missed',
            programmeId: 'new-year-missed',
            nip: b,
            reason: 'workload',
            note: null,
          },
        },
      ];
      await store.append('programme-new-year-missed', 'no-stream', notCompleted, meta);
      jest.restoreAllMocks();
    });

    it('summarises the city’s new year by default, counting staff from the year they were registered', async () => {
      at(NEW_YEAR_3AM_WIB);
      const summary = await eventually(async () => {
        const r = (await http().get(`/units/${OPD}/summary`).expect(200)).body as UnitSummaryView;
        return r.completions === 1 && r.nonCompletionsByReason.workload ? r : undefined;
      });
      expect(summary).toMatchObject({
        year: 2027,
        headcount: 2,
        jpCompleted: 24,
        nonCompletionsByReason: { workload: 1 },
        jpCoverage: { pns: 2, meeting20Jp: 1, share: 0.5 },
      });
      const lastYear = (await http().get(`/units/${OPD}/summary`).query({ year: 2026 }).expect(200))
        .body as UnitSummaryView;
      expect(lastYear).toMatchObject({ year: 2026, headcount: 1, jpCoverage: { pns: 1, meeting20Jp: 0 } });
    });

    it('lists who is below 20 JP in the city’s new year by default, and only staff registered by then for a past year', async () => {
      at(NEW_YEAR_3AM_WIB);
      const below = await eventually(async () => {
        const r = (await http().get('/jp-ledger/below-target').query({ opd: OPD }).expect(200))
          .body as StaffBelowJpTargetView;
        return r.count === 1 ? r : undefined;
      });
      expect(below).toMatchObject({ year: 2027, staff: [{ nip: b, jpCompleted: 0, jpMissing: 20 }] });
      const lastYear = (await http().get('/jp-ledger/below-target').query({ opd: OPD, year: 2026 }).expect(200))
        .body as StaffBelowJpTargetView;
      expect(lastYear.staff.map((s) => s.nip)).toEqual([a]);
    });

    it('shows the new year in the staff member’s ledger', async () => {
      at(NEW_YEAR_3AM_WIB);
      const staff = await record(a, (r) => r.training.some((t) => t.status === 'completed'));
      expect(staff.jpLedger.map((y) => [y.year, y.jpCompleted, y.belowTarget])).toEqual([
        [2025, 0, true],
        [2026, 0, true],
        [2027, 24, false],
      ]);
      const missed = await record(b, (r) => r.training.some((t) => t.status === 'not-completed'));
      expect(missed.training).toEqual([
        expect.objectContaining({ status: 'not-completed', nonCompletionReason: 'workload' }),
      ]);
    });
  });
});
