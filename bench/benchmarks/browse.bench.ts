import { Client } from 'pg';
import type { ListProgrammesRequest, ListStaffRequest } from '@kompeten/api';
import type { ProgrammeDetails, ProgrammeEvent, StaffEvent } from '@kompeten/contracts';
import { EventStore, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { programmePageSql } from '../../services/enrolment/src/queries/list-programmes/list-programmes.handler';
import { staffPageSql } from '../../services/enrolment/src/queries/list-staff/list-staff.handler';
import { nip } from '../../services/enrolment/test/enrolment-app';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { now, until } from '../harness/measure';
import { median, p95 } from '../harness/stats';
import { startEnrolment, startGatewayApp, urlOf } from '../support/platform';
import { appendStreams } from '../support/seeded-logs';

const TODAY = '2026-03-10';
const YEAR = 2026;
const meta: EventMetadata = { actor: 'bench:browse', correlationId: 'bench-browse', causationId: null };

/** A deterministic generator (mulberry32): the same city every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPDS = ['DINKES', 'DISDIK', 'BPBD', 'DINSOS', 'DISHUB', 'BAPPEDA', 'DPMPTSP', 'SATPOL-PP', 'DLH', 'DISPORA'];
const AREAS = ['patient-management', 'leadership', 'public-service', 'finance', 'disaster-response', 'pedagogy'];
const FORMS = ['klasikal', 'e-learning', 'blended', 'mobile'] as const;
const WORDS = ['Komunikasi', 'Manajemen', 'Kepemimpinan', 'Pelayanan', 'Keuangan', 'Kesiapsiagaan', 'Pedagogi'];

interface Staffer {
  nip: string;
  opd: string;
  serviceUnit: string | null;
}

/** The city: staff across OPDs (DINKES and DISDIK with their puskesmas and schools), programmes over 2025–2027 with enrolments. */
function city(staffCount: number, programmeCount: number) {
  const rnd = random(19);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const staff: Staffer[] = Array.from({ length: staffCount }, (_, i) => {
    const opd = i % 5 < 2 ? 'DINKES' : i % 5 === 2 ? 'DISDIK' : pick(OPDS.slice(2));
    const serviceUnit = opd === 'DINKES' ? `PUSKESMAS-${(i % 20) + 1}` : opd === 'DISDIK' ? `SD-${(i % 40) + 1}` : null;
    return { nip: nip(i), opd, serviceUnit };
  });
  const staffEvents = staff.map((s, i): NewEvent<StaffEvent> => ({
    type: 'StaffRegistered',
    data: {
      nip: s.nip,
      name: `Pegawai ${i}`,
      employmentType: i % 5 === 4 ? 'PPPK' : 'PNS',
      workUnit: { opd: s.opd, serviceUnit: s.serviceUnit },
      position: i % 3 === 0 ? 'Perawat' : i % 3 === 1 ? 'Guru' : 'Analis',
      registeredOn: '2015-01-05',
      positionSince: '2015-01-05',
    },
    personal: { subject: `staff:${s.nip}`, fields: ['name'] },
  }));
  const programmes = Array.from({ length: programmeCount }, (_, i) => {
    const programmeId = `bench-p-${String(i).padStart(5, '0')}`;
    const day = Math.floor(rnd() * 900); // 2025-01-01 + up to ~2.5 years
    const first = new Date(Date.UTC(2025, 0, 1 + day));
    const dates = [0, 1, 2].map((d) => new Date(first.getTime() + d * 86_400_000).toISOString().slice(0, 10));
    const selfPaced = i % 10 === 9;
    const capacity = 10 + Math.floor(rnd() * 30);
    const d: ProgrammeDetails = {
      title: `${pick(WORDS)} ${pick(WORDS).toLowerCase()} angkatan ${i}`,
      competencyType: i % 3 === 0 ? 'manajerial' : 'teknis',
      competencyArea: pick(AREAS),
      form: selfPaced ? 'e-learning' : pick(FORMS),
      universityPartner: null,
      jp: 8 + Math.floor(rnd() * 24),
      costPerParticipant: 1_000_000,
      capacity,
      fundingOpd: pick(OPDS),
      sessions: selfPaced
        ? []
        : dates.map((date, k) => ({
            sessionId: `s${k + 1}`,
            date,
            title: `Hari ${k + 1}`,
            startTime: '08:00',
            endTime: '16:00',
            venue: 'Aula',
            onlineUrl: null,
            trainer: null,
          })),
      completionRule: null,
      fiscalYear: null,
      attendanceThreshold: 0.8,
      lateEnrolment: rnd() < 0.2,
      releaseRequired: false,
    };
    const past = !selfPaced && dates[2] < TODAY;
    const events: NewEvent<ProgrammeEvent>[] = [{ type: 'ProgrammePublished', data: { programmeId, ...d } }];
    const taken = new Set<string>();
    for (let k = 0; k < Math.min(capacity, 4 + Math.floor(rnd() * 12)); k++) {
      const s = pick(staff);
      if (taken.has(s.nip)) continue;
      taken.add(s.nip);
      const ids = { enrolmentId: `${programmeId}-${s.nip}`, programmeId, nip: s.nip };
      const workUnit = { opd: s.opd, serviceUnit: s.serviceUnit };
      const year = Number((dates[0] ?? TODAY).slice(0, 4));
      events.push({
        type: 'StaffEnrolled',
        data: {
          ...ids,
          workUnit,
          fundingOpd: d.fundingOpd,
          costPerParticipant: d.costPerParticipant,
          jp: d.jp,
          competencyType: d.competencyType,
          competencyArea: d.competencyArea,
          year,
          attempt: 1,
          enrolledOn: '2025-01-01',
          need: null,
        },
      });
      if (rnd() < 0.8)
        events.push({ type: 'EnrolmentConfirmed', data: { ...ids, commitmentId: `c-${ids.enrolmentId}` } });
      else continue;
      if (past && rnd() < 0.85)
        events.push({
          type: 'TrainingCompleted',
          data: {
            ...ids,
            jp: d.jp,
            year,
            completedOn: dates[2],
            competencyType: d.competencyType,
            competencyArea: d.competencyArea,
            workUnit,
            fundingOpd: d.fundingOpd,
            costPerParticipant: d.costPerParticipant,
            attendanceOverride: null,
          },
        });
    }
    return { programmeId, events };
  });
  return { staff, staffEvents, programmes };
}

/** The real enrolment service, its business date fixed (noon WIB on TODAY) so that "open", "this year" and the seeded city agree on every run. */
async function startEnrolmentToday() {
  const enrolment = await startEnrolment();
  enrolment.app.get(Clock).now = () => new Date(`${TODAY}T05:00:00Z`);
  return enrolment;
}

/** Each query once in turn, `rounds` times; the latency of every call, in ms, by query. */
async function latencies(queries: string[], rounds: number, call: (q: string) => Promise<void>) {
  const byQuery = new Map<string, number[]>(queries.map((q) => [q, []]));
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      const t0 = now();
      await call(q);
      byQuery.get(q)!.push(now() - t0);
    }
  return byQuery;
}

const round = (x: number) => Math.round(x * 100) / 100;

export const browse: Benchmark = {
  name: 'browse',
  description:
    'GET /programmes and GET /staff with filters at the gateway (enrolment service behind it) vs a bare SELECT of the same page, p95',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { staffCount, programmeCount, runs, rounds } = sized(ctx, {
      full: { staffCount: 6000, programmeCount: 2000, runs: 5, rounds: 20 },
      smoke: { staffCount: 60, programmeCount: 30, runs: 1, rounds: 2 },
    });
    const enrolment = await startEnrolmentToday();
    let gateway: Awaited<ReturnType<typeof startGatewayApp>> | undefined;
    const pg = new Client({ connectionString: enrolment.databaseUrl });
    try {
      await enrolment.app.listen(0, '127.0.0.1');
      gateway = await startGatewayApp(
        { ENROLMENT_URL: await urlOf(enrolment.app) },
        { RATE_LIMIT_PER_MINUTE: '1000000000' },
      );
      await gateway.app.listen(0, '127.0.0.1');
      const base = await urlOf(gateway.app);
      const officer = await gateway.auth.token({ roles: ['training-officer'] });
      const head = await gateway.auth.token({ roles: ['unit-head'], unit: 'DINKES' });
      await pg.connect();

      const c = city(staffCount, programmeCount);
      const store = enrolment.app.get(EventStore);
      const seedStart = now();
      await appendStreams(
        store,
        c.staffEvents.map((e) => ({ id: `staff-${(e.data as { nip: string }).nip}`, events: [e as NewEvent] })),
        meta,
      );
      await appendStreams(
        store,
        c.programmes.map((p) => ({ id: `programme-${p.programmeId}`, events: p.events })),
        meta,
        32,
      );
      const enrolments = c.programmes.reduce(
        (n, p) => n + p.events.filter((e) => e.type === 'StaffEnrolled').length,
        0,
      );
      const count = async (table: string) =>
        Number((await pg.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0].n);
      await until(
        async () =>
          (await count('staff_roster')) === staffCount &&
          (await count('programme_catalogue')) === programmeCount &&
          (await count('enrolment_history')) === enrolments,
        'the read models caught up',
      );
      // Competency gaps as the assessment consumer writes them: one staff member in eight below a required level.
      await pg.query(
        `insert into staff_competency_gap (nip, competency_code, assessment_id, assessed_on, level, gap, position, required_level)
         select nip, 'komunikasi', 'a-' || nip, date '2026-02-01', 1, true, position, 3 from staff_roster where hashtext(nip) % 8 = 0`,
      );
      await pg.query('analyze');
      const seedSeconds = Math.round((now() - seedStart) / 100) / 10;

      const someone = c.staff[7].nip;
      const programmeQueries: Partial<ListProgrammesRequest>[] = [
        {},
        { open: true, competencyType: 'teknis' },
        { hasSeats: true, from: '2026-03-01', to: '2026-12-31' },
        { form: 'klasikal', competencyArea: 'leadership' },
        { q: 'kepemimpinan' },
        { eligibleFor: someone },
        { limit: 200, open: true },
      ];
      const staffQueries: Partial<ListStaffRequest>[] = [
        {},
        { opd: 'DINKES' },
        { belowJpTarget: true },
        { competencyGap: true },
        { opd: 'DISDIK', employmentType: 'PPPK' },
        { serviceUnit: 'PUSKESMAS-3', belowJpTarget: true, competencyGap: false },
        { limit: 200, belowJpTarget: true },
      ];
      // The second page of each, too: a cursor taken from the first.
      const withSecondPages = async (path: string, token: string, qs: object[]) => {
        const out: string[] = [];
        for (const q of qs) {
          const s = new URLSearchParams(q as Record<string, string>).toString();
          out.push(s);
          const first = (await (
            await fetch(`${base}${path}?${s}`, { headers: { authorization: `Bearer ${token}` } })
          ).json()) as { nextCursor: string | null };
          if (first.nextCursor) out.push(new URLSearchParams({ ...q, cursor: first.nextCursor }).toString());
        }
        return out;
      };
      const targets = [
        {
          label: 'GET /api/v1/programmes',
          path: '/api/v1/programmes',
          token: officer,
          qs: await withSecondPages('/api/v1/programmes', officer, programmeQueries),
          sql: (s: string) => {
            const q = Object.fromEntries(new URLSearchParams(s)) as Record<string, unknown>;
            for (const k of ['open', 'hasSeats']) if (k in q) q[k] = q[k] === 'true';
            return programmePageSql(q, TODAY, Number(q.limit ?? 50));
          },
        },
        {
          label: 'GET /api/v1/staff (names opened from the log)',
          path: '/api/v1/staff',
          token: officer,
          qs: await withSecondPages('/api/v1/staff', officer, staffQueries),
          sql: (s: string) => {
            const q = Object.fromEntries(new URLSearchParams(s)) as Record<string, unknown>;
            for (const k of ['belowJpTarget', 'competencyGap']) if (k in q) q[k] = q[k] === 'true';
            return staffPageSql(q, YEAR, Number(q.limit ?? 50));
          },
        },
        {
          label: 'GET /api/v1/staff as a unit head (their OPD filled in)',
          path: '/api/v1/staff',
          token: head,
          qs: ['', 'belowJpTarget=true', 'competencyGap=true'],
          sql: (s: string) => {
            const q = { opd: 'DINKES', ...Object.fromEntries(new URLSearchParams(s)) } as Record<string, unknown>;
            for (const k of ['belowJpTarget', 'competencyGap']) if (k in q) q[k] = q[k] === 'true';
            return staffPageSql(q, YEAR, 50);
          },
        },
      ];

      const figures: Figure[] = [];
      for (const t of targets) {
        const viaGateway = (s: string) =>
          fetch(`${base}${t.path}?${s}`, { headers: { authorization: `Bearer ${t.token}` } }).then(async (r) => {
            if (r.status !== 200) throw new Error(`${t.path}?${s}: ${r.status} ${await r.text()}`);
            await r.arrayBuffer();
          });
        const bare = (s: string) => {
          const { text, params } = t.sql(s);
          return pg.query(text, params).then(() => undefined);
        };
        await latencies(t.qs, 2, viaGateway); // warm-up: JIT, plans, keep-alive
        await latencies(t.qs, 2, bare);
        const gatewayP95: number[] = [];
        const bareP95: number[] = [];
        const perQuery: Record<string, number[]> = {};
        for (let r = 0; r < runs; r++) {
          const g = await latencies(t.qs, rounds, viaGateway);
          const b = await latencies(t.qs, rounds, bare);
          gatewayP95.push(round(p95([...g.values()].flat())));
          bareP95.push(round(p95([...b.values()].flat())));
          for (const [q, xs] of g) (perQuery[q || '(no filter)'] ??= []).push(round(p95(xs)));
        }
        const figure: Figure = {
          benchmark: this.name,
          label: `${t.label}: p95 over ${t.qs.length} filter/page combinations × ${rounds}, sequential (${staffCount} staff, ${programmeCount} programmes)`,
          unit: 'ms',
          value: median(gatewayP95),
          samples: gatewayP95,
          baseline: {
            label: 'bare SELECT of the same page (pg, same database)',
            value: median(bareP95),
            samples: bareP95,
          },
          ratio: round(median(gatewayP95) / median(bareP95)),
          target: { max: 50 },
          diagnostics: {
            p95ByQueryMs: Object.fromEntries(Object.entries(perQuery).map(([q, xs]) => [q, median(xs)])),
            seedSeconds,
            enrolments,
          },
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
