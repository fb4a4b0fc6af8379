import { readCapabilities } from './gateway/capabilities';
import type { GatewayClient } from './gateway/gateway-client';
import type { ScenarioPlan } from './plan/scenario.plan';
import type { CorrelationReport } from './report/correlation-headline';
import { awaitReadModels } from './run/await-read-models';
import { DemoContext, failureLog } from './run/demo-context';
import type { Progress } from './run/progress';
import { recordPostAssessments, recordPreAssessments } from './steps/assessment.steps';
import { openBudgets } from './steps/budget.steps';
import { defineCompetencies } from './steps/competency.steps';
import { checkCertificates, type CertificateOutcome } from './steps/certificate.steps';
import { deliverTraining } from './steps/delivery.steps';
import { enrolParticipants, settleFunds, withdraw } from './steps/enrolment.steps';
import { recordExternalLearning, type ExternalLearningOutcome } from './steps/external-learning.steps';
import { planAndFundByNeed, type PlanningOutcome } from './steps/planning.steps';
import { releaseByUnitHeads, type ReleaseOutcome } from './steps/release.steps';
import { moveStaff, publishProgrammes, registerServiceUnits, registerStaff } from './steps/setup.steps';
import { closePeriods, submitSurveys } from './steps/survey.steps';

export interface ScenarioResult {
  report: CorrelationReport;
  /** The unit heads' decisions on the programmes ahead; null when the gateway has no release routes. */
  releases: ReleaseOutcome | null;
  /** Dinas Sosial's planning cycle for next year, funded by need; null when the gateway has no planning routes. */
  planning: PlanningOutcome | null;
  /** Learning outside the catalogue: recorded, verified, rejected, waiting; null when the gateway has no such routes. */
  externalLearning: ExternalLearningOutcome | null;
  /** The completions' certificates, and a few checked at the public URL; null when the gateway has no such routes. */
  certificates: CertificateOutcome | null;
  seconds: number;
  requests: number;
  retries: number;
  skipped: string[];
  failures: string[];
}

/** The training side, in the order it happens: enrol, the budget answers, pre-assessment, withdrawals, the training, post-assessment. */
async function training(ctx: DemoContext) {
  await enrolParticipants(ctx);
  const first = await settleFunds(ctx, 'budget answers');
  await recordPreAssessments(ctx, first);
  await withdraw(ctx, first);
  const views = await settleFunds(ctx, 'seats freed and refilled');
  const completed = await deliverTraining(ctx, views);
  await recordPostAssessments(ctx, completed, views);
  await moveStaff(ctx);
  return completed;
}

/**
 * Drives the whole scenario through the gateway: the service units first, then the training side
 * and the citizens' answers side by side (they share the request pool) — the history's programmes and
 * the release of staff for the programmes ahead side by side too — then the published IKMs, waits
 * until the correlation read model has seen it all, and runs Dinas Sosial's planning cycle for next year.
 */
export async function runScenario(
  plan: ScenarioPlan,
  client: GatewayClient,
  progress: Progress,
  concurrency: number,
): Promise<ScenarioResult> {
  const started = Date.now();
  const caps = await readCapabilities(client);
  const failures = failureLog(progress);
  const ctx: DemoContext = { plan, client, caps, progress, concurrency, failed: failures.failed };
  await registerServiceUnits(ctx);
  // Citizens' answers need only their unit (a response may name staff the roster learns of later).
  const surveys = submitSurveys(ctx);
  const [completed, releases, externalLearning] = await (async () => {
    await Promise.all([registerStaff(ctx), openBudgets(ctx), defineCompetencies(ctx)]);
    // Before anyone moves: learning elsewhere is recorded in the unit the staff member worked in then.
    const external = await recordExternalLearning(ctx);
    await publishProgrammes(ctx);
    return [...(await Promise.all([training(ctx), releaseByUnitHeads(ctx)])), external] as const;
  })();
  const responses = await surveys;
  await closePeriods(ctx);
  const report = await awaitReadModels(ctx, responses, completed);
  const certificates = await checkCertificates(ctx, completed);
  // Next year's plan reads this year's gaps, JP and published IKMs: it comes last.
  const planning = await planAndFundByNeed(ctx);
  const skipped = [
    ...(caps.budget ? [] : ['budgets']),
    ...(caps.assessment ? [] : ['competencies and assessments']),
    ...(caps.releases ? [] : ['releases by the unit head']),
    ...(caps.planning ? [] : ['planning and funding by need']),
    ...(caps.externalLearning ? [] : ['learning outside the catalogue']),
    ...(caps.certificates ? [] : ['certificates']),
  ];
  return {
    report,
    releases,
    planning,
    externalLearning,
    certificates,
    seconds: (Date.now() - started) / 1000,
    requests: client.requests,
    retries: client.retries,
    skipped,
    failures: failures.errors,
  };
}
