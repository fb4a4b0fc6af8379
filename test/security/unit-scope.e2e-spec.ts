import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { eventually } from '@kompeten/testing';
import { recordFigures, setting } from '../reliability/support/figures';
import { SecuredPlatform, startSecuredPlatform } from './support/platform';

// For generated units, staff (NIPs) and service units, the head of any other unit — including ones
// whose code differs only in case, a prefix, a suffix or padding — is refused every way to see the
// unit's staff, their profiles and citizens' comments, and no refusal leaks them. The unit's own
// head sees them (so the property is not vacuous).
const RUNS = setting('SCOPE_RUNS', 10, 60);

const code = fc.stringMatching(/^[A-Z][A-Z0-9]{1,8}$/);
const nipParts = fc.record({
  year: fc.integer({ min: 1960, max: 1995 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  gender: fc.constantFrom('1', '2'),
});
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('a unit-head can never read another unit’s staff or citizens’ comments', () => {
  let p: SecuredPlatform;
  let officer: string;
  const tag = Date.now().toString(36).toUpperCase();
  let run = 0;
  const refusals: Record<string, number> = {};

  beforeAll(async () => {
    p = await startSecuredPlatform();
    officer = p.tokens['training-officer'];
  }, 180_000);
  afterAll(async () => {
    recordFigures('unit-scope', { runs: run, refusals });
    await p?.stop();
  });

  it('for generated units, NIPs and unit codes, and adversarially similar unit claims', async () => {
    await fc.assert(
      fc.asyncProperty(
        code,
        code,
        nipParts,
        fc.integer({ min: 0, max: 6 }),
        fc.string(),
        async (opdStem, unitStem, n, variant, randomClaim) => {
          run++;
          const opd = `${opdStem}-${tag}${run}`;
          const unitCode = `${unitStem}-U${tag}${run}`;
          const nip = `${n.year}${pad(n.month)}${pad(n.day)}${n.year + 20}01${n.gender}${pad(run, 3)}`;
          const comment = `Komentar rahasia ${randomUUID()}`;
          const name = `Staf ${randomUUID().slice(0, 8)}`;
          const claims = [
            opd.toLowerCase(),
            `${opd}-X`,
            opd.slice(0, -1),
            ` ${opd}`,
            `${opd} `,
            `X${opd}`,
            randomClaim,
          ];
          const claim = claims[variant] === opd ? `${opd}0` : claims[variant];

          await p
            .api()
            .post('/api/v1/service-units')
            .set(p.bearer(officer))
            .send({
              unitCode,
              name: 'Puskesmas',
              opd,
              kind: 'puskesmas',
              annualServiceUsers: 100,
              services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
            })
            .expect(201);
          await p
            .api()
            .post('/api/v1/staff')
            .set(p.bearer(officer))
            .send({ nip, name, employmentType: 'PNS', workUnit: { opd, serviceUnit: unitCode }, position: 'Perawat' })
            .expect(201);
          await p
            .api()
            .post('/api/v1/survey-responses')
            .set(p.bearer(p.tokens.kiosk))
            .send({
              submissionId: randomUUID(),
              unitCode,
              serviceCode: 'POLI-UMUM',
              servedOn: '2026-02-10',
              servedBy: nip,
              comment,
              scores: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 },
            })
            .expect(201);

          // The unit's own head sees the staff member and the comment (once the read models have them).
          const own = await p.auth.token({ roles: ['unit-head'], unit: opd });
          await eventually(
            async () =>
              (await p.api().get(`/api/v1/staff/${nip}`).set(p.bearer(own))).status === 200 ? true : undefined,
            15_000,
          );
          // The competency profile lives in assessment's read model, which learns of the staff member through
          // Kafka: until then another unit's head would get a 404 (the gateway has no owner to check), not a 403.
          await eventually(
            async () =>
              (await p.api().get(`/api/v1/staff/${nip}/competency-profile`).set(p.bearer(own))).status === 200
                ? true
                : undefined,
            15_000,
          );
          const ownView = await eventually(async () => {
            const r = await p
              .api()
              .get(`/api/v1/service-units/${unitCode}/responses`)
              .query({ includePersonal: true, period: '2026-Q1' })
              .set(p.bearer(own));
            return r.status === 200 && JSON.stringify(r.body).includes(comment) ? r : undefined;
          }, 15_000);
          expect(ownView.status).toBe(200);

          const other = await p.auth.token({ roles: ['unit-head'], unit: claim });
          const attempts = [
            `/api/v1/staff/${nip}`,
            `/api/v1/staff/${nip}/competency-profile`,
            `/api/v1/service-units/${unitCode}/responses?includePersonal=true&period=2026-Q1`,
            `/api/v1/service-units/${unitCode}/scorecard?period=2026-Q1`,
            `/api/v1/units/${opd}/summary`,
            `/api/v1/units/${opd}/costs`,
            `/api/v1/units/${opd}/forecast`,
            `/api/v1/units/${opd}/competency-gaps`,
            `/api/v1/jp-ledger/below-target?opd=${opd}`,
            `/api/v1/assessments/overdue?opd=${opd}`,
            `/api/v1/utilisation?opd=${opd}`,
            `/api/v1/staff/${nip}/external-learning`,
            `/api/v1/staff/${nip}/certificates`,
            `/api/v1/units/${opd}/certifications/expiring`,
            `/api/v1/training-history/export?opd=${opd}`,
          ];
          for (const path of attempts) {
            const res = await p.api().get(path).set(p.bearer(other));
            const { instance: _echoedPath, ...answer } = (res.body ?? {}) as Record<string, unknown>; // the problem's `instance` is the caller's own URL
            const leaked = [nip, name, comment].filter((secret) => JSON.stringify(answer).includes(secret));
            expect({ claim, path, status: res.status, leaked }).toEqual({ claim, path, status: 403, leaked: [] });
            const route = path.split('?')[0].replace(nip, ':nip').replace(unitCode, ':unitCode').replace(opd, ':opd');
            refusals[route] = (refusals[route] ?? 0) + 1;
          }
          // Lists scoped to the caller's own unit do not include this one's staff either.
          const scoped = await p.api().get('/api/v1/jp-ledger/below-target').query({ year: 2026 }).set(p.bearer(other));
          expect(JSON.stringify(scoped.body)).not.toContain(nip);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    ); // no shrinking: every run creates data and waits for read models
  }, 300_000);
});
