import type { GatewayClient } from './gateway-client';

/**
 * Which parts of the public API this gateway serves, read from its OpenAPI document: the budget and
 * assessment routes arrive later than the rest, and a step whose routes are missing is skipped with
 * a log line instead of failing on a 404.
 */
export interface Capabilities {
  budget: boolean;
  assessment: boolean;
  paths: string[];
}

export async function readCapabilities(client: GatewayClient): Promise<Capabilities> {
  const res = await fetch(`${client.baseUrl}/api/docs-json`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${client.baseUrl}/api/docs-json → ${res.status}: is this a Kompeten gateway?`);
  const doc = (await res.json()) as { paths?: Record<string, unknown> };
  const paths = Object.keys(doc.paths ?? {});
  const has = (p: string) => paths.includes(`/api/v1${p}`);
  return {
    paths,
    budget: has('/budgets') && has('/budgets/{budgetId}/allocations'),
    assessment: has('/staff/{nip}/assessments/{assessmentId}/result') && has('/competencies'),
  };
}
