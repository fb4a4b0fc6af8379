import http from 'node:http';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { roleTokens, startGateway } from './gateway-app';
import { servedRoutes } from './served-routes';

type Role = 'admin' | 'training-officer' | 'unit-head' | 'staff' | 'auditor' | 'kiosk' | 'learning-platform';
type Caller = Role | 'anonymous';
const ALL: Role[] = ['admin', 'training-officer', 'unit-head', 'staff', 'auditor', 'kiosk', 'learning-platform'];
const OWN_NIP = '198609262015051001'; // the staff token's own NIP; the unit-head token heads DINKES

/**
 * The expected matrix, written out by hand from the role descriptions — not derived from
 * the code's decorators, so a wrong decorator fails here. Keys are the routes as Express serves them.
 * (admin: everything; auditor: every GET; unit-head: own unit; staff: own record; kiosk: surveys only.)
 */
const MATRIX: Record<string, Caller[]> = {
  'POST /api/v1/staff': ['admin', 'training-officer'],
  'GET /api/v1/staff/:nip': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/staff/:nip/transfers': ['admin', 'training-officer'],
  'POST /api/v1/staff/:nip/departure': ['admin', 'training-officer'],
  'POST /api/v1/programmes': ['admin', 'training-officer'],
  'GET /api/v1/programmes/:programmeId': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/programmes/:programmeId/revisions': ['admin', 'training-officer'],
  'POST /api/v1/programmes/:programmeId/cancellation': ['admin', 'training-officer'],
  'POST /api/v1/programmes/:programmeId/enrolments': ['admin', 'training-officer', 'staff'],
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/withdrawal': ['admin', 'training-officer', 'staff'],
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/attendance': ['admin', 'training-officer'],
  // Issue 22: a learner no longer records their own progress; an officer may correct it.
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/statements': ['admin', 'training-officer'],
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/completion': ['admin', 'training-officer'],
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/non-completion': ['admin', 'training-officer'],
  'POST /api/v1/programmes/:programmeId/enrolments/:nip/funds-request': ['admin', 'training-officer'],
  'GET /api/v1/units/:opd/summary': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/jp-ledger/below-target': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/events/stream': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/service-units': ['admin', 'training-officer'],
  'POST /api/v1/service-units/:unitCode/revisions': ['admin', 'training-officer'],
  'POST /api/v1/service-units/:unitCode/periods/:period/closure': ['admin', 'training-officer'],
  'GET /api/v1/service-units/:unitCode/scorecard': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/service-units/:unitCode/responses': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'POST /api/v1/survey-responses': ['admin', 'training-officer', 'kiosk'],
  'POST /api/v1/survey-responses/:submissionId/rejection': ['admin', 'training-officer'],
  'GET /api/v1/league-table': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/correlation-report': ['admin', 'training-officer', 'auditor'],
  'POST /api/v1/budgets': ['admin', 'training-officer'],
  'POST /api/v1/budgets/:budgetId/allocations': ['admin', 'training-officer'],
  'POST /api/v1/budgets/:budgetId/allocations/:allocationId/revisions': ['admin', 'training-officer'],
  'POST /api/v1/budgets/:budgetId/commitments/:commitmentId/expenditure': ['admin', 'training-officer'],
  'POST /api/v1/budgets/:budgetId/closure': ['admin', 'training-officer'],
  'GET /api/v1/budgets/:budgetId': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/utilisation': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/units/:opd/costs': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/units/:opd/forecast': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'POST /api/v1/units/:opd/funding-policy': ['admin', 'training-officer', 'unit-head'],
  'POST /api/v1/units/:opd/funding-windows': ['admin', 'training-officer', 'unit-head'],
  'GET /api/v1/units/:opd/funding-decisions': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/competencies': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/competencies': ['admin', 'training-officer'],
  'GET /api/v1/position-standards': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/position-standards': ['admin', 'training-officer'],
  'POST /api/v1/staff/:nip/assessments': ['admin', 'training-officer'],
  'POST /api/v1/staff/:nip/assessments/:assessmentId/result': ['admin', 'training-officer'],
  'POST /api/v1/certifications/expiry-check': ['admin', 'training-officer'],
  'GET /api/v1/assessments/overdue': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/staff/:nip/competency-profile': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'GET /api/v1/units/:opd/competency-gaps': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Issue 22: certifications running out in a unit; the training history in the national system's shape (staff: their own).
  'GET /api/v1/units/:opd/certifications/expiring': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/training-history/export': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  // Release by the unit head (issue 19): only the head of the staff member's own unit issues a surat tugas.
  'POST /api/v1/units/:opd/nominations': ['admin', 'unit-head'],
  'POST /api/v1/units/:opd/releases': ['admin', 'unit-head'],
  'POST /api/v1/units/:opd/declines': ['admin', 'unit-head'],
  'POST /api/v1/units/:opd/continuity-rule': ['admin', 'training-officer', 'unit-head'],
  'GET /api/v1/units/:opd/training-calendar': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Browse and search (issue 19): the catalogue for everyone with an account but kiosks; the roster for officers and heads.
  'GET /api/v1/programmes': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'GET /api/v1/staff': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Calendar feeds: a staff member their own, a unit head their unit's; the feed itself by its secret token only.
  'POST /api/v1/staff/:nip/calendar-feeds': ['admin', 'training-officer', 'staff'],
  'POST /api/v1/staff/:nip/calendar-feeds/:feedId/revocation': ['admin', 'training-officer', 'staff'],
  'POST /api/v1/units/:opd/calendar-feeds': ['admin', 'training-officer', 'unit-head'],
  'POST /api/v1/units/:opd/calendar-feeds/:feedId/revocation': ['admin', 'training-officer', 'unit-head'],
  'GET /api/v1/calendar/:token': [...ALL, 'anonymous'],
  'GET /api/v1/reports/releases': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Planning: the needs analysis proposes a plan for the officer and the head of the OPD.
  'GET /api/v1/units/:opd/needs-analysis': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Training plans: the officer drafts, revises and submits; the head of the OPD returns or approves.
  'POST /api/v1/units/:opd/training-plans': ['admin', 'training-officer'],
  'POST /api/v1/units/:opd/training-plans/:year/revisions': ['admin', 'training-officer'],
  'POST /api/v1/units/:opd/training-plans/:year/submission': ['admin', 'training-officer'],
  'POST /api/v1/units/:opd/training-plans/:year/return': ['admin', 'unit-head'],
  'POST /api/v1/units/:opd/training-plans/:year/approval': ['admin', 'unit-head'],
  'GET /api/v1/units/:opd/training-plans/:year': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Development plans (issue 20): staff propose their own (or an officer for them); the head of their OPD agrees.
  'POST /api/v1/staff/:nip/development-plans': ['admin', 'training-officer', 'staff'],
  'POST /api/v1/units/:opd/development-plan-agreements': ['admin', 'unit-head'],
  'GET /api/v1/staff/:nip/development-plans/:year': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  // External learning (issue 22): staff record their own (or an officer for them); only officers verify or reject.
  'POST /api/v1/staff/:nip/external-learning': ['admin', 'training-officer', 'staff'],
  'GET /api/v1/staff/:nip/external-learning': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/external-learning/:learningId/verification': ['admin', 'training-officer'],
  'POST /api/v1/external-learning/:learningId/rejection': ['admin', 'training-officer'],
  // Planning reports (issue 20): the shortage's price and the plan against actual, for the officer and the OPD's head.
  'GET /api/v1/units/:opd/shortage': ['admin', 'training-officer', 'unit-head', 'auditor'],
  'GET /api/v1/units/:opd/plan-vs-actual': ['admin', 'training-officer', 'unit-head', 'auditor'],
  // Auditors (and admins): the services' own logs, read-only.
  'GET /api/v1/audit/:service/head': ['admin', 'auditor'],
  'GET /api/v1/audit/:service/chain': ['admin', 'auditor'],
  'GET /api/v1/audit/:service/events': ['admin', 'auditor'],
  // Operators: read models' status (auditors may look) and rebuilds (admins only), forwarded to the service.
  'GET /api/v1/admin/projections/:service': ['admin', 'auditor'],
  'POST /api/v1/admin/projections/:service/:name/rebuild': ['admin'],
  // Erasing a person's personal data in every service (UU 27/2022): admins only.
  'POST /api/v1/admin/erasures': ['admin'],
  // Learning platforms (issue 22): admins register them; only a platform's own client posts xAPI statements (not even an admin).
  'POST /api/v1/learning-platforms': ['admin'],
  'GET /api/v1/learning-platforms': ['admin', 'training-officer', 'auditor'],
  'POST /api/v1/learning-platforms/:clientId/retirement': ['admin'],
  'POST /api/v1/xapi/statements': ['learning-platform'],
  'PUT /api/v1/xapi/statements': ['learning-platform'],
  // Certificates (issue 22): the holder, officers and the head of the holder's OPD read and print them (scoped by the
  // answer); officers revoke; only the holder chooses what public verification shows; anyone verifies by number.
  'GET /api/v1/certificates/:number': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'GET /api/v1/certificates/:number/pdf': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'POST /api/v1/certificates/:number/revocation': ['admin', 'training-officer'],
  'POST /api/v1/certificates/:number/disclosure': ['admin', 'staff'],
  'GET /api/v1/staff/:nip/certificates': ['admin', 'training-officer', 'unit-head', 'staff', 'auditor'],
  'GET /api/v1/public/certificates/:number': [...ALL, 'anonymous'],
  // Citizens: no account needed.
  'GET /api/v1/public/scorecards': [...ALL, 'anonymous'],
  'POST /api/v1/public/survey-responses': [...ALL, 'anonymous'],
};

const PARAMS: Record<string, string> = {
  nip: OWN_NIP,
  programmeId: 'matrix-programme',
  opd: 'DINKES',
  unitCode: 'PUSKESMAS-GULAI-BANCAH',
  period: '2026-Q1',
  submissionId: '0193a3c4-0000-7000-8000-000000000001',
  budgetId: 'budget-2026-DINKES-APBD',
  allocationId: 'programme-x',
  commitmentId: 'c-1',
  assessmentId: 'a-1',
  service: 'enrolment',
  name: 'enrolment_history',
};
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, p: string) => PARAMS[p] ?? `x-${p}`);

describe('the role matrix: every route × every role', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    // Every route is tried without a token from this one address: more failed authentications than
    // the default limit allows in a minute (their own test: edge-limits.e2e-spec.ts).
    const g = await startGateway({}, { AUTH_FAILURE_LIMIT_PER_MINUTE: '100000' });
    ({ app, stop } = g);
    // A platform's client-credentials token: the client id in azp, as Keycloak issues it.
    const platform = { roles: ['learning-platform'], azp: 'matrix-moodle' };
    tokens = { ...(await roleTokens(g.auth)), 'learning-platform': await g.auth.token(platform) };
  });
  afterAll(() => stop());

  it('covers every route the gateway serves', () => {
    expect(
      servedRoutes(app)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(Object.keys(MATRIX).sort());
  });

  let base: string;
  beforeAll(async () => {
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  /** The status line only: an allowed event stream stays open, so the connection is dropped at the headers. */
  const call = (method: string, path: string, token?: string) =>
    new Promise<{ status: number }>((resolve, reject) => {
      const body = method === 'GET' ? undefined : JSON.stringify({ nip: OWN_NIP });
      const req = http.request(
        base + concrete(path),
        {
          method,
          headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
        },
        (res) => {
          resolve({ status: res.statusCode ?? 0 });
          res.destroy();
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  for (const [route, allowed] of Object.entries(MATRIX)) {
    const [method, path] = route.split(' ');
    it(`${route}: ${allowed.join(', ')} — nobody else; no token → ${allowed.includes('anonymous') ? 'allowed' : '401'}`, async () => {
      const anonymous = (await call(method, path)).status;
      if (allowed.includes('anonymous')) expect([401, 403]).not.toContain(anonymous);
      else expect(anonymous).toBe(401);
      const verdicts: Record<string, string> = {};
      for (const role of ALL) {
        const status = (await call(method, path, tokens[role])).status;
        verdicts[role] = status === 403 ? 'forbidden' : status === 401 ? 'unauthenticated' : 'allowed';
      }
      expect(verdicts).toEqual(Object.fromEntries(ALL.map((r) => [r, allowed.includes(r) ? 'allowed' : 'forbidden'])));
    });
  }

  it('refuses a token for another audience, an expired one, and a forged one', async () => {
    const g = await startGateway();
    try {
      const path = '/api/v1/units/DINKES/summary';
      const wrongAudience = await g.auth.token({ roles: ['admin'] }, { audience: 'someone-else' });
      const expired = await g.auth.token({ roles: ['admin'] }, { expiresIn: '-1h' });
      const forged = `${tokens.admin.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
      for (const t of [wrongAudience, expired, forged]) {
        // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
        const res = await request(g.app.getHttpServer() as http.Server)
          .get(path)
          .set('Authorization', `Bearer ${t}`);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
    } finally {
      await g.stop();
    }
  });
});
