import {
  allocateFunds,
  approveRelease,
  approveTrainingPlan,
  decideFundingWindow,
  draftTrainingPlan,
  getNeedsAnalysis,
  recordExternalLearning,
  registerLearningPlatform,
  listStaffCertificates,
  verifyCertificate,
  getCertificatePdf,
  chooseCertificateDisclosure,
  rejectExternalLearning,
  verifyExternalLearning,
  declineRelease,
  defineCompetency,
  getTrainingCalendar,
  nominateStaff,
  openBudget,
  recordAssessmentResult,
  setContinuityRule,
  setFundingPolicy,
  type UseCase,
} from '@kompeten/api';
import type { GatewayClient } from './gateway-client';

/**
 * Which parts of the public API this gateway serves, read from its OpenAPI document: the budget,
 * assessment and release routes arrive later than the rest, and a step whose routes are missing is skipped with
 * a log line instead of failing on a 404.
 */
export interface Capabilities {
  budget: boolean;
  assessment: boolean;
  /** The unit head's release: continuity rules, nominations, approvals and declines, the training calendar. */
  releases: boolean;
  /** The needs analysis, the training plan and funding by need (issue #20). */
  planning: boolean;
  /** Learning outside the catalogue, recorded and verified (issue #22). */
  externalLearning: boolean;
  /** Certificates of completions, printable and publicly verifiable (issue #22). */
  certificates: boolean;
  /** Learning platforms and the xAPI statements resource (issue #22): e-learning progress from the platform. */
  xapi: boolean;
  paths: string[];
}

/** A use case's path as the OpenAPI document spells it: `/api/v1/budgets/{budgetId}/allocations`. */
const openApiPath = (u: UseCase) => `/api/v1${u.path.replace(/:(\w+)/g, '{$1}')}`;

export async function readCapabilities(client: GatewayClient): Promise<Capabilities> {
  const res = await fetch(`${client.baseUrl}/api/docs-json`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${client.baseUrl}/api/docs-json → ${res.status}: is this a Kompeten gateway?`);
  const doc = (await res.json()) as { paths?: Record<string, unknown> };
  const paths = Object.keys(doc.paths ?? {});
  const serves = (...useCases: UseCase[]) => useCases.every((u) => paths.includes(openApiPath(u)));
  return {
    paths,
    budget: serves(openBudget, allocateFunds),
    assessment: serves(recordAssessmentResult, defineCompetency),
    releases: serves(setContinuityRule, nominateStaff, approveRelease, declineRelease, getTrainingCalendar),
    planning: serves(getNeedsAnalysis, draftTrainingPlan, approveTrainingPlan, setFundingPolicy, decideFundingWindow),
    externalLearning: serves(recordExternalLearning, verifyExternalLearning, rejectExternalLearning),
    xapi: serves(registerLearningPlatform) && paths.includes('/api/v1/xapi/statements'),
    certificates: serves(listStaffCertificates, getCertificatePdf, verifyCertificate, chooseCertificateDisclosure),
  };
}
