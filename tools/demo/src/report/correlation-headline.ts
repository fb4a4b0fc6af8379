import type { getCorrelationReport, ResponseOf } from '@kompeten/api';
import type { Actor, GatewayClient } from '../gateway/gateway-client';

/** The report as JSON (the declaration's answer; with format=csv it would be the CSV text). */
export type CorrelationReport = Exclude<ResponseOf<typeof getCorrelationReport>, string>;

/** One programme's difference-in-differences, read as a sentence: rose, fell, or no change detectable. */
export interface Finding {
  programmeId: string;
  pre: string;
  post: string;
  estimate: number | null;
  ci95: number[] | null;
  status: string;
  trained: number;
  untrained: number;
  trainedUnits: string[];
  direction: 'rose' | 'fell' | 'no detectable change' | 'not estimable';
}

export async function fetchReport(
  client: GatewayClient,
  actor: Actor,
  from: string,
  to: string,
): Promise<CorrelationReport> {
  const report = await client.as(actor).getCorrelationReport({ query: { from, to } });
  if (typeof report === 'string') throw new Error('the correlation report came as CSV, not JSON');
  return report;
}

export function findings(report: CorrelationReport): Finding[] {
  return report.programmeEffects.map((e) => ({
    programmeId: e.programmeId,
    pre: e.window.pre,
    post: e.window.post,
    estimate: e.estimate,
    ci95: e.ci95,
    status: e.status,
    trained: e.treated.n,
    untrained: e.control.n,
    trainedUnits: e.treated.units,
    direction: !e.ci95 ? 'not estimable' : e.ci95[0] > 0 ? 'rose' : e.ci95[1] < 0 ? 'fell' : 'no detectable change',
  }));
}

const num = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const ci = (c: readonly number[] | null, digits = 1) =>
  c ? `95% CI ${num(c[0], digits)} … ${num(c[1], digits)}` : 'no interval';

/** The summary npm start prints: which units' IKM rose after their staff were trained, with n and CI. */
export function headlineLines(report: CorrelationReport): string[] {
  const lines = [
    `Correlation report ${report.from} … ${report.to}: ${report.units} service units, ${report.observations} unit-quarters` +
      ` (${report.observationsBelowSampleTarget} below their Krejcie–Morgan sample target).`,
    'Difference-in-differences per programme (IKM points, trained units vs units without any training in the window):',
  ];
  for (const f of findings(report).sort((a, b) => (b.estimate ?? -99) - (a.estimate ?? -99))) {
    const verdict = f.direction === 'rose' ? `IKM ROSE after training in ${f.trainedUnits.join(', ')}` : f.direction;
    lines.push(
      `  ${f.programmeId.padEnd(26)} ${num(f.estimate).padStart(5)}  (${ci(f.ci95)}; n = ${f.trained} trained / ${f.untrained} untrained units; ${f.pre} → ${f.post}) ${verdict}`,
    );
  }
  const staff = report.staffComparison.outcomes.find((o) => o.outcome === 'u6') ?? report.staffComparison.outcomes[0];
  if (staff) {
    lines.push(
      `Staff who served (${report.staffComparison.responsesNamingStaff} responses name them): trained vs untrained, ` +
        `${staff.outcome} ${num(staff.difference, 2)} (${ci(staff.ci95, 2)}; n = ${staff.trained.staff} / ${staff.untrained.staff} staff; ${staff.status}).`,
    );
  }
  lines.push(report.statement);
  return lines;
}
