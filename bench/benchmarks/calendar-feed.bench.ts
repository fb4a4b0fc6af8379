import { Client } from 'pg';
import type { ProgrammeDetails, ProgrammeEvent, StaffEvent } from '@kompeten/contracts';
import { EventStore, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { feedProgrammesSql } from '../../services/enrolment/src/calendar/feed-programmes';
import type { FeedSubject } from '../../services/enrolment/src/calendar/calendar-feed.store';
import { nip } from '../../services/enrolment/test/enrolment-app';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { now, until } from '../harness/measure';
import { median, p95 } from '../harness/stats';
import { startEnrolment, startGatewayApp, urlOf } from '../support/platform';
import { appendStreams } from '../support/seeded-logs';

const meta: EventMetadata = { actor: 'bench:calendar-feed', correlationId: 'bench-calendar', causationId: null };
const UNIT = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
const OPDS = ['DINKES', 'DISDIK', 'BPBD', 'DINSOS', 'DISHUB'];

/**
 * A puskesmas of `unitStaff` staff among `otherStaff` elsewhere; `programmes` classroom programmes over
 * 2026 of three timed sessions each. Each of the unit's staff is in `perStaff` of the first 40 programmes
 * (four in five confirmed, the rest waiting for funds or the unit head's release); the others enrol at random.
 */
function city(unitStaff: number, otherStaff: number, programmes: number, perStaff: number) {
  const staff = Array.from({ length: unitStaff + otherStaff }, (_, i) => ({
    nip: nip(i),
    workUnit: i < unitStaff ? UNIT : { opd: OPDS[i % OPDS.length], serviceUnit: null },
  }));
  const staffEvents = staff.map((s, i): NewEvent<StaffEvent> => ({
    type: 'StaffRegistered',
    data: {
      nip: s.nip,
      name: `Pegawai ${i}`,
      employmentType: 'PNS',
      workUnit: s.workUnit,
      position: 'Perawat',
      registeredOn: '2015-01-05',
      positionSince: '2015-01-05',
    },
    personal: { subject: `staff:${s.nip}`, fields: ['name'] },
  }));
  const streams = Array.from({ length: programmes }, (_, p) => {
    const programmeId = `cal-p-${String(p).padStart(4, '0')}`;
    const first = Date.UTC(2026, 0, 5 + ((p * 3) % 340));
    const d: ProgrammeDetails = {
      title: `Pelatihan angkatan ${p}`,
      competencyType: 'teknis',
      competencyArea: 'patient-management',
      form: 'klasikal',
      universityPartner: null,
      jp: 24,
      costPerParticipant: 1_000_000,
      capacity: 200,
      fundingOpd: 'DINKES',
      sessions: [0, 1, 2].map((k) => ({
        sessionId: `s${k + 1}`,
        date: new Date(first + k * 86_400_000).toISOString().slice(0, 10),
        title: `Hari ${k + 1}`,
        startTime: '08:00',
        endTime: k === 2 ? '12:00' : '16:00',
        venue: 'Aula Dinas Kesehatan',
        onlineUrl: k === 2 ? 'https://meet.example.go.id/kelas' : null,
        trainer: 'dr. Rina Marlina',
      })),
      completionRule: null,
      fiscalYear: null,
      attendanceThreshold: 0.8,
      lateEnrolment: true,
      releaseRequired: false,
    };
    return { programmeId, events: [{ type: 'ProgrammePublished', data: { programmeId, ...d } }] as NewEvent[] };
  });
  const enrol = (s: (typeof staff)[number], p: number, confirmed: boolean) => {
    const stream = streams[p];
    const ids = { enrolmentId: `${stream.programmeId}-${s.nip}`, programmeId: stream.programmeId, nip: s.nip };
    stream.events.push({
      type: 'StaffEnrolled',
      data: {
        ...ids,
        workUnit: s.workUnit,
        fundingOpd: 'DINKES',
        costPerParticipant: 1_000_000,
        jp: 24,
        competencyType: 'teknis',
        competencyArea: 'patient-management',
        year: 2026,
        attempt: 1,
        enrolledOn: '2026-01-02',
        need: null,
      },
    } satisfies NewEvent<ProgrammeEvent>);
    if (confirmed)
      stream.events.push({ type: 'EnrolmentConfirmed', data: { ...ids, commitmentId: `c-${ids.enrolmentId}` } });
  };
  staff.forEach((s, i) => {
    const mine = i < unitStaff;
    for (let k = 0; k < perStaff; k++)
      enrol(s, mine ? (i * 7 + k * 8) % 40 : (i * 13 + k * 17) % programmes, i % 5 !== 4);
  });
  return { staffEvents, streams };
}

const round = (x: number) => Math.round(x * 100) / 100;

export const calendarFeed: Benchmark = {
  name: 'calendar-feed',
  description:
    'GET /calendar/:token (iCalendar) of a unit with 100 staff and of one staff member, at the gateway, vs a bare SELECT of the same rows, p95',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { unitStaff, otherStaff, programmes, perStaff, runs, rounds } = sized(ctx, {
      full: { unitStaff: 100, otherStaff: 1900, programmes: 200, perStaff: 5, runs: 5, rounds: 40 },
      smoke: { unitStaff: 10, otherStaff: 20, programmes: 40, perStaff: 2, runs: 1, rounds: 3 },
    });
    const enrolment = await startEnrolment();
    let gateway: Awaited<ReturnType<typeof startGatewayApp>> | undefined;
    const pg = new Client({ connectionString: enrolment.databaseUrl });
    try {
      await enrolment.app.listen(0, '127.0.0.1');
      gateway = await startGatewayApp(
        { ENROLMENT_URL: await urlOf(enrolment.app) },
        // A slow answer while a CI run shares the 2 cores is measured, not turned into a 503.
        { RATE_LIMIT_PER_MINUTE: '1000000000', DOWNSTREAM_TIMEOUT_MS: '15000' },
      );
      await gateway.app.listen(0, '127.0.0.1');
      const base = await urlOf(gateway.app);
      const head = await gateway.auth.token({ roles: ['unit-head'], unit: UNIT.opd });
      const officer = await gateway.auth.token({ roles: ['training-officer'] });
      await pg.connect();

      const c = city(unitStaff, otherStaff, programmes, perStaff);
      const store = enrolment.app.get(EventStore);
      await appendStreams(
        store,
        c.staffEvents.map((e) => ({ id: `staff-${(e.data as { nip: string }).nip}`, events: [e] })),
        meta,
        32,
      );
      await appendStreams(
        store,
        c.streams.map((s) => ({ id: `programme-${s.programmeId}`, events: s.events })),
        meta,
        32,
      );
      const enrolments = c.streams.reduce((n, s) => n + s.events.filter((e) => e.type === 'StaffEnrolled').length, 0);
      const count = async (table: string) =>
        Number((await pg.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0].n);
      await until(
        async () =>
          (await count('programme_catalogue')) === programmes && (await count('enrolment_history')) === enrolments,
        'the read models catching up',
      );
      await pg.query('analyze');

      const create = async (path: string, token: string, body: object) => {
        const r = await fetch(base + path, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (r.status !== 201) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        return ((await r.json()) as { url: string }).url;
      };
      const unitFeedUrl = () =>
        create(`/api/v1/units/${UNIT.opd}/calendar-feeds`, head, { serviceUnit: UNIT.serviceUnit });
      const unitLabel = `unit feed (${unitStaff} staff of one puskesmas, each in ${perStaff} programmes)`;
      /** Each fetch's URL, for one run of `rounds` fetches. */
      type Urls = () => Promise<string[]>;
      /** `rounds` new feeds, one after another: their creation is set-up, not what is measured (40 at once piled up). */
      const fresh = async (make: () => Promise<string>) => {
        const urls: string[] = [];
        for (let i = 0; i < rounds; i++) urls.push(await make());
        return urls;
      };
      const same =
        (url: string): Urls =>
        () =>
          Promise.resolve(Array<string>(rounds).fill(url));
      const targets: { label: string; urls: Urls; subject: FeedSubject }[] = [
        {
          label: `${unitLabel}, unchanged since the last fetch (what a polling calendar app mostly sees)`,
          urls: same(await unitFeedUrl()),
          subject: { kind: 'unit', ...UNIT },
        },
        {
          // A new feed each fetch: nothing built yet, as after any change to the unit's sessions or enrolments.
          label: `${unitLabel}, built afresh at every fetch`,
          urls: () => fresh(unitFeedUrl),
          subject: { kind: 'unit', ...UNIT },
        },
        {
          label: `staff feed (one staff member in ${perStaff} programmes), built afresh at every fetch`,
          urls: () => fresh(() => create(`/api/v1/staff/${nip(0)}/calendar-feeds`, officer, {})),
          subject: { kind: 'staff', nip: nip(0) },
        },
      ];

      const figures: Figure[] = [];
      for (const t of targets) {
        let bytes = 0;
        let events = 0;
        const viaGateway = async (url: string) => {
          const r = await fetch(base + url);
          const text = await r.text();
          if (r.status !== 200 || !r.headers.get('content-type')?.startsWith('text/calendar'))
            throw new Error(`${url}: ${r.status} ${r.headers.get('content-type')}`);
          bytes = text.length;
          events = text.split('BEGIN:VEVENT').length - 1;
        };
        const { text, params } = feedProgrammesSql(t.subject);
        const bare = () => pg.query(text, params).then(() => undefined);
        const latencies = async (urls: string[], call: (url: string) => Promise<void>) => {
          const xs: number[] = [];
          for (const url of urls) {
            const t0 = now();
            await call(url);
            xs.push(now() - t0);
          }
          return xs;
        };
        await latencies(await t.urls(), viaGateway); // warm-up: JIT, plans, keep-alive
        await latencies(Array<string>(rounds).fill(''), bare);
        const gatewayP95: number[] = [];
        const bareP95: number[] = [];
        for (let r = 0; r < runs; r++) {
          gatewayP95.push(round(p95(await latencies(await t.urls(), viaGateway))));
          bareP95.push(round(p95(await latencies(Array<string>(rounds).fill(''), bare))));
        }
        const figure: Figure = {
          benchmark: this.name,
          label: `GET /api/v1/calendar/:token, ${t.label}: p95 of ${rounds} sequential fetches (${unitStaff + otherStaff} staff, ${programmes} programmes)`,
          unit: 'ms',
          value: median(gatewayP95),
          samples: gatewayP95,
          baseline: {
            label: 'bare SELECT of the same rows (pg, same database)',
            value: median(bareP95),
            samples: bareP95,
          },
          ratio: round(median(gatewayP95) / median(bareP95)),
          target: { max: 100 },
          diagnostics: { vevents: events, kilobytes: Math.round(bytes / 102.4) / 10, enrolments },
        };
        figure.met = targetMet(figure);
        figures.push(figure);
      }
      return figures;
    } finally {
      await pg.end().catch(() => undefined);
      await gateway?.stop();
      await enrolment.stop();
    }
  },
};
