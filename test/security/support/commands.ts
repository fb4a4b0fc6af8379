import { randomInt, randomUUID } from 'node:crypto';
import type { SecuredPlatform } from './platform';

/**
 * Every command route of the gateway (as Express serves it), with a valid body to start from and
 * well-formed ids of things that do not exist (so a valid body is answered 404 and appends
 * nothing). `prepare`, where given, creates what the command acts on, so that a valid body is
 * accepted and its strings end up stored.
 */
export interface CommandCase {
  params: Record<string, string>;
  body: () => Record<string, unknown>;
  prepare?: (p: SecuredPlatform, officer: string) => Promise<Record<string, string>>;
}

let counter = 0;
const tag = `${Date.now().toString(36)}${randomInt(1296).toString(36)}`;
const fresh = () => `${tag}${(counter++).toString(36)}`;
/** Valid NIPs nobody else uses: born on a random day of 1975, sequence from a counter. */
const born = `1975${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
export const freshNip = () => {
  const n = counter++;
  return `${born}2005${String(1 + (Math.floor(n / 1998) % 12)).padStart(2, '0')}${1 + (Math.floor(n / 999) % 2)}${String((n % 999) + 1).padStart(3, '0')}`;
};
export const GHOST_NIP = '196001011990011999';

const staff = (nip = freshNip()) => ({
  nip,
  name: 'Staf Uji Keamanan',
  employmentType: 'PNS',
  workUnit: { opd: 'SEC', serviceUnit: 'SEC-UNIT' },
  position: 'Perawat',
  registeredOn: '2026-01-05',
});
const programme = (programmeId = `sec-${fresh()}`) => ({
  programmeId,
  title: 'Pelatihan uji keamanan',
  competencyType: 'teknis',
  competencyArea: 'security-drill',
  form: 'blended',
  universityPartner: 'Universitas Andalas',
  jp: 8,
  costPerParticipant: 0,
  capacity: 50,
  fundingOpd: 'SEC',
  sessions: [{ sessionId: 's1', date: '2026-02-02', title: 'Hari 1' }],
  lateEnrolment: true,
  releaseRequired: false,
});
const unit = (unitCode = `SEC-${fresh().toUpperCase()}`) => ({
  unitCode,
  name: 'Puskesmas uji keamanan',
  opd: 'SEC',
  kind: 'puskesmas',
  annualServiceUsers: 1000,
  services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
});
const response = (unitCode: string) => ({
  submissionId: randomUUID(),
  unitCode,
  serviceCode: 'POLI-UMUM',
  servedOn: '2026-02-10',
  channel: 'kiosk',
  comment: 'Pelayanan baik',
  contact: '0812-0000-0000',
  scores: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 },
});

const planLine = () => ({
  lineId: 'L1',
  competencyArea: 'komunikasi',
  source: 'other',
  priority: 2,
  quarter: 3,
  form: 'e-learning',
  headCount: 4,
  people: [],
  jpPerPerson: 8,
  costPerJp: 40000,
  rationale: 'Uji keamanan',
});

async function created(p: SecuredPlatform, officer: string, path: string, body: object): Promise<void> {
  const res = await p.api().post(path).set(p.bearer(officer)).send(body);
  if (res.status !== 201) throw new Error(`prepare: POST ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
}
const newStaff = async (p: SecuredPlatform, officer: string) => {
  const s = staff();
  await created(p, officer, '/api/v1/staff', s);
  return s.nip;
};
const newProgramme = async (p: SecuredPlatform, officer: string) => {
  const b = programme();
  await created(p, officer, '/api/v1/programmes', b);
  return b.programmeId;
};
const newUnit = async (p: SecuredPlatform, officer: string) => {
  const b = unit();
  await created(p, officer, '/api/v1/service-units', b);
  return b.unitCode;
};

export const COMMANDS: Record<string, CommandCase> = {
  'POST /api/v1/staff': { params: {}, body: () => staff() },
  'POST /api/v1/staff/:nip/transfers': {
    params: { nip: GHOST_NIP },
    body: () => ({
      to: { opd: 'SEC-TWO', serviceUnit: 'SEC-UNIT-TWO' },
      position: 'Perawat Ahli',
      effectiveOn: '2026-07-01',
    }),
    prepare: async (p, o) => ({ nip: await newStaff(p, o) }),
  },
  'POST /api/v1/staff/:nip/departure': {
    params: { nip: GHOST_NIP },
    body: () => ({ reason: 'retired', effectiveOn: '2026-07-01' }),
  },
  'POST /api/v1/programmes': { params: {}, body: () => programme() },
  'POST /api/v1/programmes/:programmeId/revisions': {
    params: { programmeId: 'sec-ghost-programme' },
    body: () => ({ title: 'Judul yang direvisi', universityPartner: 'Universitas Negeri Padang' }),
    prepare: async (p, o) => ({ programmeId: await newProgramme(p, o) }),
  },
  'POST /api/v1/programmes/:programmeId/cancellation': {
    params: { programmeId: 'sec-ghost-programme' },
    body: () => ({ reason: 'Narasumber berhalangan' }),
    prepare: async (p, o) => ({ programmeId: await newProgramme(p, o) }),
  },
  'POST /api/v1/programmes/:programmeId/enrolments': {
    params: { programmeId: 'sec-ghost-programme' },
    body: () => ({ nip: GHOST_NIP }),
  },
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/withdrawal': {
    params: { programmeId: 'sec-ghost-programme', nip: GHOST_NIP },
    body: () => ({ reason: 'other', note: 'Beban kerja tinggi' }),
    prepare: async (p, o) => {
      const [programmeId, nip] = [await newProgramme(p, o), await newStaff(p, o)];
      await created(p, o, `/api/v1/programmes/${programmeId}/enrolments`, { nip });
      return { programmeId, nip };
    },
  },
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/attendance': {
    params: { programmeId: 'sec-ghost-programme', nip: GHOST_NIP },
    body: () => ({ sessionId: 's1', attended: true }),
  },
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/statements': {
    params: { programmeId: 'sec-ghost-programme', nip: GHOST_NIP },
    body: () => ({
      statementId: randomUUID(),
      verb: 'scored',
      moduleId: 'm1',
      score: 80,
      seconds: 60,
      deviceTimestamp: '2026-02-02T08:00:00Z',
    }),
  },
  // Learning platforms (issue 22): an activity of a programme that does not exist (400, nothing appended).
  'POST /api/v1/learning-platforms': {
    params: {},
    body: () => ({
      clientId: `sec-moodle-${fresh()}`,
      name: 'Moodle uji keamanan',
      actorHomePage: 'https://elearning.sec.example',
      activities: [
        {
          activityId: 'https://elearning.sec.example/mod/scorm/view.php?id=1',
          programmeId: 'sec-ghost-programme',
          moduleId: 'm1',
        },
      ],
    }),
  },
  'POST /api/v1/learning-platforms/:clientId/retirement': {
    params: { clientId: 'sec-ghost-platform' },
    body: () => ({}),
  },
  // Only a platform's own client posts statements: the admin's token is refused (403), whatever the body.
  'POST /api/v1/xapi/statements': {
    params: {},
    body: () => ({
      id: randomUUID(),
      actor: { account: { homePage: 'https://elearning.sec.example', name: GHOST_NIP } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://elearning.sec.example/mod/scorm/view.php?id=1' },
    }),
  },
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/completion': {
    params: { programmeId: 'sec-ghost-programme', nip: GHOST_NIP },
    body: () => ({ completedOn: '2026-02-03' }),
  },
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/non-completion': {
    params: { programmeId: 'sec-ghost-programme', nip: GHOST_NIP },
    body: () => ({ reason: 'absent', note: 'Hadir kurang dari 80% sesi' }),
  },
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/funds-request': {
    params: { programmeId: 'sec-ghost-programme', nip: GHOST_NIP },
    body: () => ({}),
  },
  // Issue 19: release by the unit head (the staff and programme do not exist: a valid body is a 404) and calendar feeds.
  'POST /api/v1/units/:opd/nominations': {
    params: { opd: 'DINKES' },
    body: () => ({
      programmeId: 'sec-ghost-programme',
      nip: GHOST_NIP,
      suratTugas: { number: '800/1/SEC/2026', date: '2026-11-30' },
    }),
  },
  'POST /api/v1/units/:opd/releases': {
    params: { opd: 'DINKES' },
    body: () => ({
      programmeId: 'sec-ghost-programme',
      nip: GHOST_NIP,
      suratTugas: { number: '800/2/SEC/2026', date: '2026-11-30' },
    }),
  },
  'POST /api/v1/units/:opd/declines': {
    params: { opd: 'DINKES' },
    body: () => ({ programmeId: 'sec-ghost-programme', nip: GHOST_NIP, reason: 'other', note: 'Beban kerja tinggi' }),
  },
  'POST /api/v1/units/:opd/continuity-rule': {
    params: { opd: 'SEC-GHOST-OPD' },
    body: () => ({ serviceUnit: 'SEC-GHOST-UNIT', maxAwayCount: 2, maxAwayShare: 0.25 }),
  },
  'POST /api/v1/staff/:nip/calendar-feeds': { params: { nip: GHOST_NIP }, body: () => ({}) },
  'POST /api/v1/staff/:nip/calendar-feeds/:feedId/revocation': {
    params: { nip: GHOST_NIP, feedId: randomUUID() },
    body: () => ({}),
  },
  'POST /api/v1/units/:opd/calendar-feeds': {
    params: { opd: 'SEC-GHOST-OPD' },
    body: () => ({ serviceUnit: 'SEC-GHOST-UNIT' }),
  },
  'POST /api/v1/units/:opd/calendar-feeds/:feedId/revocation': {
    params: { opd: 'SEC-GHOST-OPD', feedId: randomUUID() },
    body: () => ({}),
  },
  // Issue 20: training plans (a fresh OPD per draft; steps on a plan that does not exist are a 404).
  'POST /api/v1/units/:opd/training-plans': {
    params: { opd: 'SEC' },
    body: () => ({ year: 2026, lines: [planLine()], proposedAsOf: '2026-01-15' }),
    prepare: () => Promise.resolve({ opd: `SEC-${fresh().toUpperCase()}` }),
  },
  'POST /api/v1/units/:opd/training-plans/:year/revisions': {
    params: { opd: 'SEC-GHOST-OPD', year: '2026' },
    body: () => ({ revision: 1, lines: [planLine()], note: 'Revisi uji keamanan' }),
  },
  'POST /api/v1/units/:opd/training-plans/:year/submission': {
    params: { opd: 'SEC-GHOST-OPD', year: '2026' },
    body: () => ({ revision: 1 }),
  },
  'POST /api/v1/units/:opd/training-plans/:year/return': {
    params: { opd: 'SEC-GHOST-OPD', year: '2026' },
    body: () => ({ revision: 1, reason: 'Dikembalikan untuk uji' }),
  },
  'POST /api/v1/units/:opd/training-plans/:year/approval': {
    params: { opd: 'SEC-GHOST-OPD', year: '2026' },
    body: () => ({ revision: 1 }),
  },
  // Issue 20: development plans (a fresh staff member proposes next year's; agreeing for a staff member who does not exist is a 404).
  'POST /api/v1/staff/:nip/development-plans': {
    params: { nip: GHOST_NIP },
    body: () => ({
      year: new Date().getFullYear() + 1,
      targets: [{ competencyCode: 'komunikasi', targetLevel: 3 }],
      targetJp: 20,
      note: 'Rencana uji keamanan',
    }),
    prepare: async (p, o) => ({ nip: await newStaff(p, o) }),
  },
  'POST /api/v1/units/:opd/development-plan-agreements': {
    params: { opd: 'SEC-GHOST-OPD' },
    body: () => ({ nip: GHOST_NIP, year: 2026, revision: 1 }),
  },
  'POST /api/v1/service-units': { params: {}, body: () => unit() },
  'POST /api/v1/service-units/:unitCode/revisions': {
    params: { unitCode: 'SEC-GHOST-UNIT' },
    body: () => ({ name: 'Puskesmas yang direvisi', services: [{ code: 'POLI-GIGI', name: 'Poli gigi' }] }),
    prepare: async (p, o) => ({ unitCode: await newUnit(p, o) }),
  },
  'POST /api/v1/service-units/:unitCode/periods/:period/closure': {
    params: { unitCode: 'SEC-GHOST-UNIT', period: '2026-Q1' },
    body: () => ({}),
  },
  'POST /api/v1/survey-responses': {
    params: {},
    body: () => response('SEC-GHOST-UNIT'),
    prepare: async (p, o) => ({ unitCode: await newUnit(p, o) }),
  },
  'POST /api/v1/survey-responses/:submissionId/rejection': {
    params: { submissionId: '0193a3c4-0000-7000-8000-00000000dead' },
    body: () => ({ reason: 'other', note: 'Isian uji coba' }),
    prepare: async (p, o) => {
      const r = response(await newUnit(p, o));
      await created(p, o, '/api/v1/survey-responses', r);
      return { submissionId: r.submissionId };
    },
  },
  'POST /api/v1/budgets': {
    params: {},
    body: () => ({ fiscalYear: 2026, opd: `SEC-${fresh().toUpperCase()}`, fundingSource: 'APBD', ceiling: 1_000_000 }),
  },
  'POST /api/v1/budgets/:budgetId/allocations': {
    params: { budgetId: '2026-SEC-GHOST-APBD' },
    body: () => ({ competencyArea: 'security-drill', amount: 1000 }),
  },
  'POST /api/v1/budgets/:budgetId/allocations/:allocationId/revisions': {
    params: { budgetId: '2026-SEC-GHOST-APBD', allocationId: 'area-security-drill' },
    body: () => ({ amount: 500 }),
  },
  'POST /api/v1/budgets/:budgetId/commitments/:commitmentId/expenditure': {
    params: { budgetId: '2026-SEC-GHOST-APBD', commitmentId: 'ghost-commitment' },
    body: () => ({ amount: 1000 }),
  },
  'POST /api/v1/budgets/:budgetId/closure': { params: { budgetId: '2026-SEC-GHOST-APBD' }, body: () => ({}) },
  // Issue 20: funding by need (the unit SEC-GHOST has no budget: a valid body is a 404).
  'POST /api/v1/units/:opd/funding-policy': {
    params: { opd: 'SEC-GHOST' },
    body: () => ({
      fiscalYear: 2026,
      fundingSource: 'APBD',
      mode: 'by-need',
      windowDays: 7,
      windowsFrom: '2026-03-02',
    }),
  },
  'POST /api/v1/units/:opd/funding-windows': {
    params: { opd: 'SEC-GHOST' },
    body: () => ({ fiscalYear: 2026, fundingSource: 'APBD', decisionDay: '2026-03-09' }),
  },
  'POST /api/v1/competencies': {
    params: {},
    body: () => ({
      code: `sec-${fresh()}`,
      name: 'Kompetensi uji keamanan',
      description: 'Uraian kompetensi',
      levelDescriptions: ['satu', 'dua', 'tiga', 'empat', 'lima'],
    }),
  },
  'POST /api/v1/position-standards': {
    params: {},
    body: () => ({
      position: `Perawat uji ${fresh()}`,
      requirements: [{ competencyCode: 'orientasi-pada-hasil', level: 3 }],
    }),
  },
  'POST /api/v1/staff/:nip/assessments': {
    params: { nip: GHOST_NIP },
    body: () => ({ kind: 'periodic', competencyCode: 'orientasi-pada-hasil', dueOn: '2026-12-01' }),
  },
  'POST /api/v1/staff/:nip/assessments/:assessmentId/result': {
    params: { nip: GHOST_NIP, assessmentId: 'ghost-assessment' },
    body: () => ({ assessor: 'Asesor uji', method: 'test', score: 80, assessedOn: '2026-02-10' }),
  },
  'POST /api/v1/certifications/expiry-check': { params: {}, body: () => ({ asOf: '2026-11-29' }) },
  // External learning (issue 22): for a staff member nobody registered, and decisions on a record nobody made.
  'POST /api/v1/staff/:nip/external-learning': {
    params: { nip: GHOST_NIP },
    body: () => ({
      form: 'course',
      title: 'Kursus uji keamanan',
      provider: 'BPSDM uji',
      startDate: '2026-02-02',
      endDate: '2026-02-03',
      minutes: 600,
      evidence: { reference: 'SEC/DOC/1', sha256: 'a'.repeat(64) },
    }),
  },
  'POST /api/v1/external-learning/:learningId/verification': { params: { learningId: randomUUID() }, body: () => ({}) },
  'POST /api/v1/external-learning/:learningId/rejection': {
    params: { learningId: randomUUID() },
    body: () => ({ reason: 'other', note: 'Bukti tidak terbaca' }),
  },
  'POST /api/v1/public/survey-responses': { params: {}, body: () => response('SEC-GHOST-UNIT') },
  // Certificates (issue 22): a well-formed number nobody was issued (404, nothing appended).
  'POST /api/v1/certificates/:number/revocation': {
    params: { number: 'KPT-2026-0000-0000' },
    body: () => ({ reason: 'issued-in-error', note: 'Catatan uji keamanan' }),
  },
  'POST /api/v1/certificates/:number/disclosure': {
    params: { number: 'KPT-2026-0000-0000' },
    body: () => ({ nip: GHOST_NIP, showHolderName: true }),
  },
  // Operators (issue 21): erasing a person nobody registered, and rebuilding a projection no service has.
  'POST /api/v1/admin/erasures': {
    params: {},
    body: () => ({ subject: `staff:${GHOST_NIP}`, reason: 'data-subject-request' }),
  },
  'POST /api/v1/admin/projections/:service/:name/rebuild': {
    params: { service: 'enrolment', name: 'no_such_projection' },
    body: () => ({}),
  },
};

/** `/api/v1/staff/:nip` with the case's params filled in. */
export const pathOf = (route: string, params: Record<string, string>) =>
  route.split(' ')[1].replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `x-${name}`));

/** Every string in a body, as a path to it: ['workUnit', 'opd'], ['sessions', 0, 'title'] … */
export function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}

/** A deep copy of `body` with the value at `path` replaced. */
export function replaced(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(body) ? [...(body as unknown[])] : { ...(body as object) }) as Record<
    string | number,
    unknown
  >;
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), value);
  return copy;
}
