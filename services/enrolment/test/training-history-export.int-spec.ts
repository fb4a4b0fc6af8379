import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TrainingHistoryExport } from '@kompeten/api';
import type { BudgetEvent, ProgrammeEvent } from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import type { ProblemDetails } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';
import { fakeBudget } from './fake-budget';
import { programmeEvents } from './programme-events';

type Enrolled = Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'];

// The training history export through the enrolment service's API: a programme completed through
// the API (its certificate issued by the service's reaction) and external learning an officer verified.
describe('the training history in the national system’s shape', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  const http = () => httpOf(app);
  const run = `nat-${Date.now().toString(36)}`;
  const [A, B, C] = [nip(701), nip(702), nip(703)];
  const exported = (query: Record<string, unknown>, caller = http()) =>
    caller.get('/training-history/export').query(query);
  const rowsOf = async (query: Record<string, unknown>) =>
    ((await exported(query).expect(200)).body as TrainingHistoryExport).rows;
  let certificate: string;
  let learningId: string;
  let jpExternal: number;

  const confirmed = async (n: string) => {
    const [enrolled] = (await programmeEvents(store, run))
      .filter((e) => e.type === 'StaffEnrolled' && (e.data as Enrolled).nip === n)
      .map((e) => e.data as Enrolled);
    const answer: BudgetEvent = {
      type: 'FundsCommitted',
      data: {
        budgetId: 'b',
        allocationId: 'a',
        programmeId: run,
        opd: enrolled.workUnit.opd,
        amount: enrolled.costPerParticipant,
        commitmentId: `c-${enrolled.enrolmentId}-${enrolled.attempt}`,
        enrolmentId: enrolled.enrolmentId,
        nip: n,
      },
    };
    await budget.answer(answer);
    await eventually(async () =>
      (await programmeEvents(store, run)).some(
        (e) => e.type === 'EnrolmentConfirmed' && (e.data as { nip: string }).nip === n,
      )
        ? true
        : undefined,
    );
  };
  const complete = async (n: string) => {
    for (const sessionId of ['s1', 's2'])
      await http()
        .post(`/programmes/${run}/enrolments/${n}/attendance`)
        .send({ sessionId, attended: true })
        .expect(201);
    await http().post(`/programmes/${run}/enrolments/${n}/completion`).send({ completedOn: '2026-02-03' }).expect(201);
  };

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    budget = await fakeBudget();
    await http().post('/staff').send(staffBody(A)).expect(201);
    await http().post('/staff').send(staffBody(B)).expect(201);
    await http()
      .post('/staff')
      .send(staffBody(C, { workUnit: { opd: 'DISDUKCAPIL', serviceUnit: null } }))
      .expect(201);
    await http()
      .post('/programmes')
      .send(programmeBody(run, { capacity: 5, jp: 12, competencyType: 'manajerial', competencyArea: 'komunikasi' }))
      .expect(201);
    for (const n of [A, C]) {
      await http().post(`/programmes/${run}/enrolments`).send({ nip: n }).expect(201);
      await confirmed(n);
      await complete(n);
    }
    // The certificate is issued by a reaction to TrainingCompleted (through the broker).
    certificate = await eventually(async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ number: string }[]>(`select number from certificate_register where kind = 'training' and nip = $1`, [
          A,
        ]);
      return row?.number;
    });
    const recorded = await http()
      .post(`/staff/${A}/external-learning`)
      .send({
        form: 'seminar',
        title: 'Seminar nasional, "keselamatan pasien"',
        provider: 'PERSI Sumatera Barat',
        startDate: '2026-03-10',
        endDate: '2026-03-11',
        minutes: 600,
        evidence: { url: 'https://persi.example.org/sertifikat/117' },
        providerCertificateNumber: 'PERSI/2026/117',
      })
      .expect(201);
    learningId = (recorded.body as { learningId: string }).learningId;
  });
  afterAll(async () => {
    await budget?.stop();
    await stop();
  });

  it('exports an OPD’s completed programmes with their certificate numbers; external learning only once verified', async () => {
    // The recorded (not yet verified) learning is in the read model, and still not exported.
    await eventually(async () => {
      const [row] = await app
        .get(DataSource)
        .query<{ status: string }[]>('select status from external_learning where learning_id = $1', [learningId]);
      return row?.status === 'recorded' ? true : undefined;
    });
    const before = await eventually(async () => {
      const rows = await rowsOf({ opd: 'DINKES' });
      return rows.length ? rows : undefined;
    });
    expect(before).toEqual([
      {
        nip: A,
        jenisDiklatId: '5',
        jenisDiklat: 'Pelatihan Manajerial',
        jenisKursusSertipikat: '-',
        dasarPemetaan: 'by-competency',
        namaDiklat: 'Komunikasi efektif dan manajemen pasien',
        institusiPenyelenggara: 'BKPSDM Kota Bukittinggi',
        tanggalMulai: '2026-02-02',
        tanggalSelesai: '2026-02-03',
        jumlahJam: 12,
        nomorSertifikat: certificate,
        tahun: 2026,
        sumber: 'kompeten',
        sumberId: expect.any(String) as unknown,
        bentukPengembangan: 'klasikal',
      },
    ]);

    const verified = await http().post(`/external-learning/${learningId}/verification`).expect(201);
    jpExternal = (verified.body as { jpCredited: number }).jpCredited;
    expect(jpExternal).toBeGreaterThan(0);
    const after = await eventually(async () => {
      const rows = await rowsOf({ opd: 'DINKES' });
      return rows.length === 2 ? rows : undefined;
    });
    expect(after[1]).toEqual({
      nip: A,
      jenisDiklatId: '9',
      jenisDiklat: 'Seminar',
      jenisKursusSertipikat: 'P',
      dasarPemetaan: 'direct',
      namaDiklat: 'Seminar nasional, "keselamatan pasien"',
      institusiPenyelenggara: 'PERSI Sumatera Barat',
      tanggalMulai: '2026-03-10',
      tanggalSelesai: '2026-03-11',
      jumlahJam: jpExternal,
      nomorSertifikat: 'PERSI/2026/117',
      tahun: 2026,
      sumber: 'eksternal',
      sumberId: learningId,
      bentukPengembangan: 'seminar',
    });
    // C works in another OPD: exported there, not here; a year without training exports nothing.
    const there = await eventually(async () => {
      const rows = await rowsOf({ opd: 'DISDUKCAPIL' });
      return rows.length ? rows : undefined;
    });
    expect(there.map((r) => r.nip)).toEqual([C]);
    expect(await rowsOf({ opd: 'DINKES', year: 2025 })).toEqual([]);
  });

  it('answers RFC 4180 CSV in UTF-8 with a header row, one line per training', async () => {
    const res = await exported({ nip: A, year: 2026, format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="riwayat-diklat-${A}-2026.csv"`);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      'nip,jenisDiklatId,jenisDiklat,jenisKursusSertipikat,namaDiklat,institusiPenyelenggara,tanggalMulai,tanggalSelesai,jumlahJam,nomorSertifikat,tahun,dasarPemetaan,sumber,sumberId,bentukPengembangan',
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${A},5,Pelatihan Manajerial,-,Komunikasi efektif dan manajemen pasien,BKPSDM Kota Bukittinggi,2026-02-02,2026-02-03,12,${certificate},2026,`,
        ),
      ),
      `${A},9,Seminar,P,"Seminar nasional, ""keselamatan pasien""",PERSI Sumatera Barat,2026-03-10,2026-03-11,${jpExternal},PERSI/2026/117,2026,direct,eksternal,${learningId},seminar`,
      '',
    ]);
  });

  it('exports a staff member’s own record only, whatever OPD they name', async () => {
    const asB = httpOf(app, { actor: 'staff:b', roles: ['staff'], nip: B });
    const own = (await exported({ opd: 'DINKES' }, asB).expect(200)).body as TrainingHistoryExport;
    expect(own).toMatchObject({ filter: { opd: 'DINKES', nip: B }, count: 0, rows: [] });
    const asA = httpOf(app, { actor: 'staff:a', roles: ['staff'], nip: A });
    expect(((await exported({}, asA).expect(200)).body as TrainingHistoryExport).rows.map((r) => r.nip)).toEqual([
      A,
      A,
    ]);
  });

  it('leaves out the number of a revoked certificate', async () => {
    await http().post(`/certificates/${certificate}/revocation`).send({ reason: 'issued-in-error' }).expect(201);
    const rows = await eventually(async () => {
      const r = await rowsOf({ nip: A });
      return r[0]?.nomorSertifikat === null ? r : undefined;
    });
    expect(rows.map((r) => r.nomorSertifikat)).toEqual([null, 'PERSI/2026/117']);
  });

  it.each([
    [{}, 'opd'],
    [{ opd: 'dinkes' }, 'opd'],
    [{ nip: '123' }, 'nip'],
    [{ opd: 'DINKES', year: 1999 }, 'year'],
    [{ opd: 'DINKES', format: 'xlsx' }, 'format'],
  ])('refuses %j with a 400 naming %s', async (query, field) => {
    const problem = (await exported(query).expect(400)).body as ProblemDetails;
    expect([...new Set(problem.errors?.map((e) => e.field))]).toEqual([field]);
  });
});
