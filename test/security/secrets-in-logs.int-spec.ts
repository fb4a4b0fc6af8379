import { randomUUID } from 'node:crypto';
import { createTestAuth, eventually, TestDatabase } from '@kompeten/testing';
import { post } from '../reliability/support/command-stream';
import { recordFigures } from '../reliability/support/figures';
import { startPrivateBroker } from '../reliability/support/private-broker';
import { testDatabases } from '../reliability/support/private-postgres';
import { ServiceName, ServiceProcess, startService, waitReady } from '../reliability/support/service-process';
import { SECURITY_HEADERS } from './support/security-headers';

// A short story runs through the gateway with every service as its own process logging at debug
// level, including refused requests that carry the secrets (a bad survey with the comment, a forged
// token). Afterwards the logs of all of them hold no bearer token, no database password, no staff
// name, no NIP (the story reads and writes under URLs that carry one, and calls a service that is
// down: the gateway logs that failure with its path), no withdrawal note, and no citizen's comment
// or contact — while they do hold the requests' correlation ids.
describe('secrets in the logs of a full run', () => {
  const tag = Date.now().toString(36).toUpperCase();
  const password = `S3cret-${randomUUID()}`; // trust authentication ignores it; a log that prints the URL would show it
  const secrets = {
    staffName: `Siti Rahasia ${tag}`,
    comment: `Antrean terlalu lama ${tag} rahasia`,
    contact: `0812${Date.now()}`,
    withdrawalNote: `Operasi lutut ${tag}`,
  };
  const dbs: TestDatabase[] = [];
  const running: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let tokens: Record<'officer' | 'kiosk' | 'admin' | 'forged', string>;

  beforeAll(async () => {
    await startPrivateBroker();
    const createDatabase = await testDatabases();
    const withPassword = (url: string) => {
      const u = new URL(url);
      u.password = password;
      return u.toString();
    };
    const start = async (service: ServiceName, env: Record<string, string> = {}) => {
      const db = await createDatabase(`sec_logs_${service}`);
      dbs.push(db);
      const p = await startService(service, { DATABASE_URL: withPassword(db.url), LOG_LEVEL: 'debug', ...env });
      running.push(p);
      return p;
    };
    const [enrolment, budget, assessment, feedback] = await Promise.all(
      (['enrolment', 'budget', 'assessment', 'feedback'] as const).map((s) => start(s)),
    );
    const auth = await createTestAuth();
    gateway = await start('gateway', {
      AUTH_LOCAL_JWKS: auth.jwks,
      ENROLMENT_URL: enrolment.url,
      BUDGET_URL: budget.url,
      ASSESSMENT_URL: assessment.url,
      FEEDBACK_URL: feedback.url,
    });
    await Promise.all(running.map((p) => waitReady(p)));
    const attacker = await createTestAuth();
    tokens = {
      officer: await auth.token({ roles: ['training-officer'] }),
      kiosk: await auth.token({ roles: ['kiosk'] }),
      admin: await auth.token({ roles: ['admin'] }),
      forged: await attacker.token({ roles: ['admin'] }),
    };
  }, 180_000);
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('every service process sends the security headers', async () => {
    for (const p of running) {
      const res = await fetch(`${p.url}/health`);
      expect({ service: p.service, ...Object.fromEntries(res.headers) }).toMatchObject({
        service: p.service,
        ...SECURITY_HEADERS,
      });
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('holds no token, password, name, NIP, note, comment or contact', async () => {
    const as = (token: string, correlation: string) => ({
      Authorization: `Bearer ${token}`,
      'X-Correlation-Id': correlation,
    });
    const api = (path: string, body: unknown, token: string, correlation: string) =>
      post(`${gateway.url}/api/v1${path}`, body, as(token, correlation));
    const opd = `LOG-${tag}`;
    const unitCode = `PKM-LOG-${tag}`;
    const programmeId = `log-${tag.toLowerCase()}`;
    const nip = '198001012005011001';
    const expectStatus = async (status: number, call: Promise<{ status: unknown; body: unknown }>) => {
      const r = await call;
      expect({ status: r.status, body: r.body }).toMatchObject({ status });
    };
    await expectStatus(
      201,
      api(
        '/service-units',
        {
          unitCode,
          name: 'Puskesmas Log',
          opd,
          kind: 'puskesmas',
          annualServiceUsers: 100,
          services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
        },
        tokens.officer,
        `logs-unit-${tag}`,
      ),
    );
    await expectStatus(
      201,
      api(
        '/staff',
        {
          nip,
          name: secrets.staffName,
          employmentType: 'PNS',
          workUnit: { opd, serviceUnit: unitCode },
          position: 'Perawat',
        },
        tokens.officer,
        `logs-staff-${tag}`,
      ),
    );
    const budget = await api(
      '/budgets',
      { fiscalYear: 2026, opd, fundingSource: 'APBD', ceiling: 10_000_000 },
      tokens.officer,
      `logs-budget-${tag}`,
    );
    await expectStatus(
      201,
      api(
        `/budgets/${(budget.body as { budgetId: string }).budgetId}/allocations`,
        { programmeId, amount: 5_000_000 },
        tokens.officer,
        `logs-alloc-${tag}`,
      ),
    );
    await expectStatus(
      201,
      api(
        '/programmes',
        {
          programmeId,
          title: 'Pelatihan log',
          competencyType: 'teknis',
          competencyArea: 'logging',
          form: 'klasikal',
          jp: 8,
          costPerParticipant: 100_000,
          capacity: 5,
          fundingOpd: opd,
          sessions: [{ sessionId: 's1', date: '2026-02-02', title: 'Hari 1' }],
          lateEnrolment: true,
          releaseRequired: false,
        },
        tokens.officer,
        `logs-programme-${tag}`,
      ),
    );
    await expectStatus(201, api(`/programmes/${programmeId}/enrolments`, { nip }, tokens.officer, `logs-enrol-${tag}`));
    const survey = (scores: number) => ({
      submissionId: randomUUID(),
      unitCode,
      serviceCode: 'POLI-UMUM',
      servedOn: '2026-02-10',
      servedBy: nip,
      comment: secrets.comment,
      contact: secrets.contact,
      scores: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: scores, u7: 3, u8: 3, u9: 3 },
    });
    await expectStatus(201, api('/survey-responses', survey(4), tokens.kiosk, `logs-survey-${tag}`));
    await expectStatus(400, api('/survey-responses', survey(9), tokens.kiosk, `logs-bad-survey-${tag}`));
    await expectStatus(401, api('/survey-responses', survey(4), tokens.forged, `logs-forged-${tag}`));
    // The saga ran (budget and enrolment logged their consumers' work), and the comment can be read back.
    await eventually(
      async () => {
        const r = await fetch(`${gateway.url}/api/v1/programmes/${programmeId}`, {
          headers: as(tokens.admin, `logs-read-${tag}`),
        });
        return ((await r.json()) as { enrolments?: { status: string }[] }).enrolments?.[0]?.status === 'confirmed'
          ? true
          : undefined;
      },
      60_000,
      500,
    );
    const listed = await fetch(
      `${gateway.url}/api/v1/service-units/${unitCode}/responses?includePersonal=true&period=2026-Q1`,
      { headers: as(tokens.admin, `logs-list-${tag}`) },
    );
    expect(await listed.text()).toContain(secrets.comment);
    // URLs that carry the NIP: a read, and a withdrawal (its note may name an illness).
    const read = await fetch(`${gateway.url}/api/v1/staff/${nip}`, {
      headers: as(tokens.admin, `logs-staff-read-${tag}`),
    });
    expect(read.status).toBe(200);
    await expectStatus(
      201,
      api(
        `/programmes/${programmeId}/enrolments/${nip}/withdrawal`,
        { reason: 'illness', note: secrets.withdrawalNote },
        tokens.officer,
        `logs-withdraw-${tag}`,
      ),
    );
    // A downstream call that fails: the gateway logs it with its path, /staff/<nip>/competency-profile.
    const assessment = running.find((p) => p.service === 'assessment')!;
    await assessment.stop();
    const profile = await fetch(`${gateway.url}/api/v1/staff/${nip}/competency-profile`, {
      headers: as(tokens.admin, `logs-down-${tag}`),
    });
    expect(profile.status).toBe(503);

    await Promise.all(running.map((p) => p.stop())); // flushes the last lines
    const logs = running.map((p) => p.output()).join('\n');
    const searched: Record<string, string> = {
      ...Object.fromEntries(
        Object.entries(tokens).flatMap(([role, t]) => [
          [`${role} token`, t],
          [`${role} token signature`, t.split('.')[2]],
        ]),
      ),
      'database password': password,
      'staff name': secrets.staffName,
      NIP: nip,
      'withdrawal note': secrets.withdrawalNote,
      comment: secrets.comment,
      contact: secrets.contact,
    };
    const found = Object.fromEntries(
      Object.entries(searched).map(([what, secret]) => [what, logs.split(secret).length - 1]),
    );
    const lines = logs.split('\n').filter(Boolean).length;
    const correlated = logs.split('\n').filter((l) => l.includes(`-${tag}`)).length;
    recordFigures('secrets-in-logs', {
      processes: running.length,
      logLines: lines,
      linesWithOurCorrelationIds: correlated,
      occurrences: found,
    });
    expect(found).toEqual(Object.fromEntries(Object.keys(searched).map((k) => [k, 0])));
    expect(correlated).toBeGreaterThan(5); // the logs are there, and about these requests
  }, 240_000);
});
