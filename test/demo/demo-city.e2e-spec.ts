import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { startAssessmentApp } from '../../services/assessment/test/assessment-app';
import { startBudgetApp } from '../../services/budget/test/budget-app';
import { startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { startFeedbackApp } from '../../services/feedback/test/feedback-app';
import { startGateway } from '../../services/gateway/test/gateway-app';
import { GatewayClient } from '../../tools/demo/src/gateway/gateway-client';
import { cityDate } from '../../tools/demo/src/plan/calendar';
import { planScenario } from '../../tools/demo/src/plan/scenario.plan';
import { findings } from '../../tools/demo/src/report/correlation-headline';
import { runScenario, ScenarioResult } from '../../tools/demo/src/run-scenario';
import { lineProgress } from '../../tools/demo/src/run/progress';
import { SIZES } from '../../tools/demo/src/scenario-sizes';
import { OpenApiConformance, type OpenApiDocument } from '../support/openapi-conformance';

// The demo generator against the real five services and the real gateway (real Postgres, real
// Kafka), all in this process on random ports. A tiny seeded city; the run tag keeps its codes apart
// from every other run on the shared broker.
describe('the demo city, through the gateway', () => {
  const today = cityDate(new Date());
  const plan = planScenario(7, SIZES.tiny, today, `T${randomBytes(3).toString('hex')}`);
  const stops: (() => Promise<void>)[] = [];
  const lines: string[] = [];
  let result: ScenarioResult;
  let conformance: OpenApiConformance;

  beforeAll(async () => {
    const listening = async (s: { app: INestApplication; stop: () => Promise<void> }) => {
      stops.unshift(s.stop);
      await s.app.listen(0, '127.0.0.1');
      return s.app.getUrl();
    };
    const [ENROLMENT_URL, ASSESSMENT_URL, BUDGET_URL, FEEDBACK_URL] = await Promise.all([
      listening(await startEnrolmentApp()),
      listening(await startAssessmentApp({}, today)),
      listening(await startBudgetApp()),
      listening(await startFeedbackApp()),
    ]);
    const gateway = await startGateway(
      { ENROLMENT_URL, ASSESSMENT_URL, BUDGET_URL, FEEDBACK_URL },
      { DOWNSTREAM_TIMEOUT_MS: '15000' },
    );
    const url = await listening(gateway);
    const client = new GatewayClient(url, (actor) => gateway.auth.token({ sub: actor.sub, roles: [actor.role] }), 8);
    // Every answer the city gets is checked against the gateway's own OpenAPI document.
    conformance = new OpenApiConformance((await (await fetch(`${url}/api/docs-json`)).json()) as OpenApiDocument);
    client.observe = (request, answer) =>
      conformance.check(request.method, request.path, answer.status, answer.headers['content-type'], answer.body);
    result = await runScenario(
      plan,
      client,
      lineProgress((line) => (process.env.DEMO_LOG ? process.stderr.write(`${line}\n`) : lines.push(line))),
      8,
    );
  }, 240_000);
  afterAll(async () => {
    for (const stop of stops) await stop();
  }, 60_000);

  it('sends the whole city without a failed command', () => {
    expect(result.skipped).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.report.rows.reduce((s, r) => s + r.survey.responses, 0)).toBe(plan.surveys.length);
  });

  it('finds the effect built in: IKM rose where staff were trained in communication, with the CI above zero', () => {
    const effect = findings(result.report).find((f) => f.programmeId === plan.effect.programmeId);
    expect(effect).toMatchObject({ direction: 'rose', trained: plan.effect.units.length });
    expect([...effect!.trainedUnits].sort()).toEqual([...plan.effect.units].sort());
    // The generator adds +1.4 to the nine-element sum: 1.4 / 9 × 25 ≈ 3.9 IKM points.
    expect(effect!.ci95![0]).toBeGreaterThan(0);
    expect(effect!.ci95![0]).toBeLessThan(3.9);
    expect(effect!.ci95![1]).toBeGreaterThan(3.9);
  });

  it('finds no change where there is none: the disaster and digital programmes’ intervals hold zero', () => {
    const others = findings(result.report).filter((f) => f.programmeId !== plan.effect.programmeId);
    expect(others.map((f) => f.programmeId.replace(/-\d{4}.*$/, '')).sort()).toEqual([
      'layanan-digital',
      'siaga-bencana',
    ]);
    for (const f of others) {
      expect(f.direction).toBe('no detectable change');
      expect(f.ci95![0]).toBeLessThan(0);
      expect(f.ci95![1]).toBeGreaterThan(0);
    }
  });

  it('got every answer as the gateway’s OpenAPI document says (bodies validated against its schemas)', () => {
    expect(conformance.mismatches).toEqual([]);
    expect(conformance.seen.size).toBeGreaterThan(15); // the city exercises 19 operations
  });
});
