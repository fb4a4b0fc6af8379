import { DataSource } from 'typeorm';
import type { INestApplication } from '@nestjs/common';
import {
  eventTopic,
  type AssessmentRecordEvent,
  type ProgrammeEvent,
  type ProgrammeDetails,
} from '@kompeten/contracts';
import {
  EventStore,
  eventStoreMigrations,
  PostgresKeyStore,
  type EventMetadata,
  type NewEvent,
} from '@kompeten/event-store';
import { encodeRecord } from '@kompeten/messaging';
import { Clock, type ProblemDetails } from '@kompeten/platform';
import { createTestDatabase, eventually, migratedDataSource, testKafka, httpOf } from '@kompeten/testing';
import type { ProgrammePage } from '../src/queries/list-programmes/list-programmes.handler';
import type { StaffPage } from '../src/queries/list-staff/list-staff.handler';
import { nip, staffBody, startEnrolmentApp } from './enrolment-app';

const TODAY_NOON_WIB = '2026-03-10T05:00:00Z'; // the city's today: 2026-03-10
const meta: EventMetadata = { actor: 'user:test', correlationId: 'browse', causationId: null };
const unit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };

const session = (sessionId: string, date: string) => ({
  sessionId,
  date,
  title: sessionId,
  startTime: null,
  endTime: null,
  venue: null,
  onlineUrl: null,
  trainer: null,
});
const details = (over: Partial<ProgrammeDetails> = {}): ProgrammeDetails => ({
  title: 'Pelatihan',
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  form: 'klasikal',
  universityPartner: null,
  jp: 24,
  costPerParticipant: 1_000_000,
  capacity: 10,
  fundingOpd: 'DINKES',
  sessions: [session('s1', '2026-04-01'), session('s2', '2026-04-02')],
  completionRule: null,
  fiscalYear: null,
  attendanceThreshold: 0.8,
  lateEnrolment: false,
  releaseRequired: false,
  ...over,
});

// Staff: A–D and L (left) in DINKES, E in BPBD; X has 24 JP this year, Y a gap, Z a gap closed later, W a gap for another position.
const [A, B, C, D, E, L, X, Y, Z, W, P] = Array.from({ length: 11 }, (_, i) => nip(100 + i));

/** Stands in for the assessment service: its events, in its wire format, on its real topic. */
async function fakeAssessment() {
  const db = await createTestDatabase('fake_assessment');
  const ds = await migratedDataSource(db, eventStoreMigrations);
  const store = new EventStore(ds);
  const producer = testKafka('fake-assessment').producer();
  await producer.connect();
  return {
    async publish(n: string, events: NewEvent<AssessmentRecordEvent>[]) {
      const stored = await store.append(`assessment-record-${n}-${Date.now()}`, 'no-stream', events, meta);
      const records = await store.readRecords(stored[0].position - 1, stored.length);
      await producer.send({ topic: eventTopic('assessment'), messages: records.map(encodeRecord) });
      return stored.map((e) => e.eventId);
    },
    async stop() {
      await producer.disconnect();
      await ds.destroy();
      await db.drop();
    },
  };
}

const recorded = (
  n: string,
  assessmentId: string,
  level: number,
  assessedOn: string,
): NewEvent<AssessmentRecordEvent> => ({
  type: 'AssessmentRecorded',
  data: {
    assessmentId,
    nip: n,
    kind: 'periodic',
    competencyCode: 'komunikasi',
    enrolmentId: null,
    programmeId: null,
    assessor: 'user:assessor',
    method: 'observation',
    score: level,
    level,
    assessedOn,
    dueOn: assessedOn,
    late: false,
    learningGain: null,
  },
});
const gap = (n: string, assessmentId: string, position: string): NewEvent<AssessmentRecordEvent> => ({
  type: 'CompetencyGapIdentified',
  data: { nip: n, competencyCode: 'komunikasi', position, requiredLevel: 3, assessedLevel: 1, gap: 2, assessmentId },
});

describe('browsing the catalogue and the roster (GET /programmes, GET /staff)', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  let assessment: Awaited<ReturnType<typeof fakeAssessment>>;
  const http = () => httpOf(app);
  const fieldsOf = (body: unknown) => (body as ProblemDetails).errors?.map((e) => e.field);

  const publish = (programmeId: string, over: Partial<ProgrammeDetails> = {}) =>
    store.append(
      `programme-${programmeId}`,
      'no-stream',
      [{ type: 'ProgrammePublished', data: { programmeId, ...details(over) } }],
      meta,
    );
  const append = async (programmeId: string, events: NewEvent<ProgrammeEvent>[]) =>
    store.append(`programme-${programmeId}`, await store.streamVersion(`programme-${programmeId}`), events, meta);
  const enrolled = (programmeId: string, n: string): NewEvent<ProgrammeEvent> => ({
    type: 'StaffEnrolled',
    data: {
      enrolmentId: `${programmeId}-${n}`,
      programmeId,
      nip: n,
      workUnit: unit,
      fundingOpd: 'DINKES',
      costPerParticipant: 1_000_000,
      jp: 24,
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      year: 2026,
      attempt: 1,
      enrolledOn: '2026-03-01',
      need: null,
    },
  });
  const ids = (programmeId: string, n: string) => ({ enrolmentId: `${programmeId}-${n}`, programmeId, nip: n });
  const completed = (programmeId: string, n: string, jp: number): NewEvent<ProgrammeEvent> => ({
    type: 'TrainingCompleted',
    data: {
      ...ids(programmeId, n),
      jp,
      year: 2026,
      completedOn: '2026-02-03',
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      workUnit: unit,
      fundingOpd: 'DINKES',
      costPerParticipant: 1_000_000,
      attendanceOverride: null,
    },
  });

  const programmes = async (query: Record<string, string | number | boolean> = {}) => {
    const res = await http().get('/programmes').query(query).expect(200);
    return res.body as ProgrammePage;
  };
  const idsOf = (page: ProgrammePage) => page.items.map((p) => p.programmeId).sort();
  const staff = async (query: Record<string, string | number | boolean> = {}) => {
    const res = await http().get('/staff').query(query).expect(200);
    return res.body as StaffPage;
  };
  const nipsOf = (page: StaffPage) => page.items.map((s) => s.nip).sort();

  /** Every page from the first, following nextCursor; `between` runs after the first page. */
  async function walk(query: Record<string, string | number>, between: () => Promise<void> = () => Promise.resolve()) {
    const seen: string[] = [];
    const totals: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await programmes({ ...query, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.programmeId));
      totals.push(page.total);
      if (totals.length === 1) await between();
      cursor = page.nextCursor;
    } while (cursor);
    return { seen, totals };
  }

  const FILLERS = Array.from({ length: 24 }, (_, i) => `filler-${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    assessment = await fakeAssessment();
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(TODAY_NOON_WIB));

    for (const [n, over] of [
      [A, {}],
      [B, { employmentType: 'PPPK' }],
      [C, { workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-MANDIANGIN' } }],
      [D, { name: 'Dewi Lestari' }],
      [E, { workUnit: { opd: 'BPBD', serviceUnit: null } }],
      [L, {}],
      [X, {}],
      [Y, {}],
      [Z, {}],
      [W, {}],
      [P, { name: 'Putri Erased' }],
    ] as const)
      await http().post('/staff').send(staffBody(n, over)).expect(201);
    await http().post(`/staff/${L}/departure`).send({ reason: 'resigned', effectiveOn: '2026-03-10' }).expect(201);

    await publish('p-open', { title: 'Komunikasi efektif', capacity: 2 });
    await publish('p-self-paced', {
      title: 'Kepemimpinan daring',
      form: 'e-learning',
      competencyType: 'manajerial',
      competencyArea: 'leadership',
      sessions: [],
      capacity: 5,
    });
    await publish('p-closed', { title: 'Sudah mulai', sessions: [session('s1', '2026-02-02')] });
    await publish('p-late', { title: 'Boleh terlambat', sessions: [session('s1', '2026-02-02')], lateEnrolment: true });
    await publish('p-cancelled', { title: 'Batal', sessions: [session('s1', '2026-05-01')] });
    await append('p-cancelled', [
      { type: 'ProgrammeCancelled', data: { programmeId: 'p-cancelled', reason: 'no trainer', affectedNips: [] } },
    ]);
    await publish('p-literal', { title: 'Diskon 50%_khusus', sessions: [session('s1', '2027-01-10')] });
    for (const [i, id] of FILLERS.entries())
      await publish(id, { title: `Seri ${i}`, sessions: [session('s1', `2026-0${4 + (i % 5)}-${10 + (i % 3)}`)] });

    // p-open (2 seats): A pending funds, B confirmed, C waitlisted, D declined (frees the seat) → full.
    await append('p-open', [
      enrolled('p-open', A),
      enrolled('p-open', B),
      { type: 'EnrolmentConfirmed', data: { ...ids('p-open', B), commitmentId: 'c-b' } },
      {
        type: 'EnrolmentWaitlisted',
        data: { ...ids('p-open', C), workUnit: unit, reason: 'capacity', detail: 'all 2 seats are taken', need: null },
      },
    ]);
    await append('p-open', [
      enrolled('p-open', D),
      {
        type: 'EnrolmentDeclined',
        data: {
          ...ids('p-open', D),
          workUnit: unit,
          reason: 'workload-no-cover',
          note: null,
          declinedOn: '2026-03-05',
          requestedOn: '2026-03-01',
        },
      },
    ]);
    // p-self-paced: A completed it; X completed 24 JP this year in p-late.
    await append('p-self-paced', [enrolled('p-self-paced', A), completed('p-self-paced', A, 8)]);
    await append('p-late', [enrolled('p-late', X), completed('p-late', X, 24)]);

    await eventually(async () => {
      const [all, open] = await Promise.all([programmes(), programmes({ q: 'Komunikasi' })]);
      return all.total === 6 + FILLERS.length && open.items[0]?.seatsTaken === 2 ? true : undefined;
    });
  });
  afterAll(async () => {
    await assessment?.stop();
    await stop();
  });

  describe('GET /programmes', () => {
    it('walks every programme exactly once, page by page, even when one is published between pages', async () => {
      const { seen, totals } = await walk({ limit: 7 }, async () => {
        await publish('p-early', { title: 'Terbit belakangan, awal', sessions: [session('s1', '2025-01-01')] });
        await publish('p-late-published', {
          title: 'Terbit belakangan, akhir',
          sessions: [session('s1', '2028-01-01')],
        });
        await eventually(async () => ((await programmes()).total === 8 + FILLERS.length ? true : undefined));
      });
      const before = ['p-open', 'p-self-paced', 'p-closed', 'p-late', 'p-cancelled', 'p-literal', ...FILLERS];
      // Each one once; the one published ahead of the cursor is not seen, the one behind it is.
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...before, 'p-late-published'].sort());
      expect(totals[0]).toBe(before.length);
      expect(totals.at(-1)).toBe(before.length + 2);
      // Ordered by first session date, programmes without sessions last.
      expect(seen.at(-1)).toBe('p-self-paced');
    });

    it('answers each programme’s seats, dates and whether it is open', async () => {
      const [open] = (await programmes({ q: 'Komunikasi' })).items;
      expect(open).toEqual({
        programmeId: 'p-open',
        title: 'Komunikasi efektif',
        form: 'klasikal',
        competencyType: 'teknis',
        competencyArea: 'patient-management',
        jp: 24,
        capacity: 2,
        seatsTaken: 2,
        seatsLeft: 0,
        firstSessionDate: '2026-04-01',
        lastSessionDate: '2026-04-02',
        status: 'published',
        openForEnrolment: true,
        fundingOpd: 'DINKES',
        fiscalYear: null,
        releaseRequired: false,
      });
    });

    it('filters by form, competency, open for enrolment, seats, dates and title', async () => {
      expect(idsOf(await programmes({ form: 'e-learning' }))).toEqual(['p-self-paced']);
      expect(idsOf(await programmes({ competencyType: 'manajerial', competencyArea: 'leadership' }))).toEqual([
        'p-self-paced',
      ]);
      // (p-early, published by the walk above, began in 2025 and takes no late enrolment.)
      expect(idsOf(await programmes({ open: false }))).toEqual(['p-cancelled', 'p-closed', 'p-early']);
      expect((await programmes({ open: true })).total).toBe(8 + FILLERS.length - 3);
      expect(idsOf(await programmes({ hasSeats: false }))).toEqual(['p-open']);
      expect((await programmes({ minSeatsLeft: 5 })).items.map((p) => p.programmeId)).not.toContain('p-self-paced'); // 4 left
      expect(idsOf(await programmes({ minSeatsLeft: 4, form: 'e-learning' }))).toEqual(['p-self-paced']);
      expect(idsOf(await programmes({ from: '2026-01-01', to: '2026-03-31' }))).toEqual(['p-closed', 'p-late']);
      expect(idsOf(await programmes({ from: '2027-01-01' }))).toEqual(['p-late-published', 'p-literal']);
      expect(idsOf(await programmes({ q: '50%_' }))).toEqual(['p-literal']);
      expect((await programmes({ q: '%' })).items.map((p) => p.programmeId)).toEqual(['p-literal']);
    });

    it('lists what a staff member may enrol in: open, not already in it or done, and only while in service', async () => {
      const forA = await programmes({ eligibleFor: A, limit: 200 });
      const list = forA.items.map((p) => p.programmeId);
      expect(list).not.toContain('p-open'); // enrolled
      expect(list).not.toContain('p-self-paced'); // completed
      expect(list).not.toContain('p-closed');
      expect(list).not.toContain('p-cancelled');
      expect(list).toContain('p-late');
      expect(forA.total).toBe(list.length);
      expect((await programmes({ eligibleFor: C })).items.map((p) => p.programmeId)).not.toContain('p-open'); // waitlisted
      expect((await programmes({ eligibleFor: D, q: 'Komunikasi' })).items.map((p) => p.programmeId)).toEqual([
        'p-open',
      ]); // declined: may ask again
      expect((await programmes({ eligibleFor: L })).total).toBe(0); // left the service
    });

    it.each([
      ['a page over 200', { limit: 201 }, 'limit'],
      ['a date range over 400 days', { from: '2026-01-01', to: '2027-02-06' }, 'to'],
      ['a cursor no page gave out', { cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
      ['a staff cursor', { cursor: Buffer.from(JSON.stringify([A])).toString('base64url') }, 'cursor'],
      ['an unknown filter', { colour: 'red' }, 'colour'],
    ])('refuses %s with a 400 naming the field', async (_, query, field) => {
      const res = await http().get('/programmes').query(query).expect(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    });
  });

  describe('GET /staff', () => {
    beforeAll(async () => {
      const sent = [
        ...(await assessment.publish(Y, [recorded(Y, 'a-y', 1, '2026-02-01'), gap(Y, 'a-y', 'Perawat')])),
        ...(await assessment.publish(Z, [recorded(Z, 'a-z1', 1, '2026-01-05'), gap(Z, 'a-z1', 'Perawat')])),
        ...(await assessment.publish(Z, [recorded(Z, 'a-z2', 4, '2026-02-20')])),
        ...(await assessment.publish(W, [recorded(W, 'a-w', 1, '2026-02-01'), gap(W, 'a-w', 'Bidan')])),
        // An older assessment recorded late does not reopen Z's gap.
        ...(await assessment.publish(Z, [recorded(Z, 'a-z0', 1, '2025-12-01'), gap(Z, 'a-z0', 'Perawat')])),
      ];
      // Applied once the consumer has recorded each event id (in the same transaction as the change).
      await eventually(async () => {
        const [{ n }] = await app
          .get(DataSource)
          .query<{ n: number }[]>(
            `select count(*)::int as n from msg_processed where consumer = 'enrolment.staff-competency-gap' and event_id = any($1::uuid[])`,
            [sent],
          );
        return n === sent.length ? true : undefined;
      });
    });

    it('walks the roster by NIP, every staff member once, with the total', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await staff({ limit: 4, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(11);
        seen.push(...page.items.map((s) => s.nip));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([A, B, C, D, E, L, X, Y, Z, W, P].sort());
    });

    it('filters by OPD, service unit, employment type, status, JP target and competency gap', async () => {
      expect(nipsOf(await staff({ opd: 'BPBD' }))).toEqual([E]);
      expect(nipsOf(await staff({ serviceUnit: 'PUSKESMAS-MANDIANGIN' }))).toEqual([C]);
      expect(nipsOf(await staff({ employmentType: 'PPPK' }))).toEqual([B]);
      expect(nipsOf(await staff({ status: 'left' }))).toEqual([L]);
      // PNS in service below 20 JP this year: not B (PPPK), L (left) or X (24 JP).
      const below = await staff({ belowJpTarget: true });
      expect(nipsOf(below)).toEqual([A, C, D, E, Y, Z, W, P].sort());
      expect(below.total).toBe(8);
      const x = (await staff({ belowJpTarget: false })).items.find((s) => s.nip === X);
      expect(x).toMatchObject({ jpThisYear: 24, belowJpTarget: false });
      expect((await staff({ opd: 'DINKES' })).items.find((s) => s.nip === A)).toMatchObject({ jpThisYear: 8 });
      // Y's gap stands; Z's was closed by a later assessment; W's was for a position W does not hold.
      expect(nipsOf(await staff({ competencyGap: true }))).toEqual([Y]);
      expect((await staff({ competencyGap: false })).total).toBe(10);
    });

    it('answers names only when asked (the gateway asks for roles that may read them), and none once erased', async () => {
      expect((await staff({ serviceUnit: 'PUSKESMAS-GULAI-BANCAH' })).items.every((s) => s.name === null)).toBe(true);
      const named = await staff({ includeNames: true });
      expect(named.items.find((s) => s.nip === D)?.name).toBe('Dewi Lestari');
      expect(named.items.find((s) => s.nip === P)?.name).toBe('Putri Erased');
      await app.get(PostgresKeyStore).erase(`staff:${P}`);
      expect((await staff({ includeNames: true })).items.find((s) => s.nip === P)?.name).toBeNull();
    });

    it.each([
      ['a page over 200', { limit: 201 }, 'limit'],
      [
        'a programme cursor',
        { cursor: Buffer.from(JSON.stringify(['2026-01-01', 'p'])).toString('base64url') },
        'cursor',
      ],
      ['a yes for a boolean', { competencyGap: 'yes' }, 'competencyGap'],
    ])('refuses %s with a 400 naming the field', async (_, query, field) => {
      const res = await http().get('/staff').query(query).expect(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    });
  });
});
