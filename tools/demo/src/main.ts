import fs from 'node:fs';
import path from 'node:path';
import { CityCalendar } from '@kompeten/domain';
import { parseDemoOptions, USAGE } from './demo-options';
import { devTokenIssuer } from './gateway/dev-token-issuer';
import { GatewayClient } from './gateway/gateway-client';
import { describeReleases } from './plan/release.plan';
import { planScenario, ScenarioPlan } from './plan/scenario.plan';
import { fetchReport, headlineLines } from './report/correlation-headline';
import { runScenario } from './run-scenario';
import { parseProvinceOptions, PROVINCE_USAGE, runProvince } from './province/run-province';
import { actors } from './run/demo-context';
import { createProgress } from './run/progress';
import { scenarioState } from './run/scenario-state';
import { SIZES } from './scenario-sizes';

// `npm run demo -- --size large`: a seeded Bukittinggi, driven through the gateway's public API.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..'); // dist/tools/demo/src → the repository

/**
 * The gateway's date (its clock decides "today" for enrolments and surveys), in the city's calendar:
 * the time zone the services read (`CITY_TIME_ZONE`, default Asia/Jakarta — Bukittinggi is WIB).
 */
async function gatewayToday(gateway: string): Promise<string> {
  const res = await fetch(`${gateway}/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  if (!res) throw new Error(`no gateway at ${gateway} (start the platform with npm start)`);
  const date = res.headers.get('date');
  return new CityCalendar(process.env.CITY_TIME_ZONE || undefined).dateOf(date ? new Date(date) : new Date());
}

const describe = (plan: ScenarioPlan) => {
  const enrolments = plan.programmes.reduce((s, p) => s + p.participants.length, 0);
  return (
    `${plan.size.name} Bukittinggi (seed ${plan.seed}${plan.tag ? `, tag ${plan.tag}` : ''}): ${plan.units.length} service units, ${plan.staff.length} staff, ` +
    `${plan.programmes.length} programmes, ${enrolments} enrolments, ${plan.surveys.length} survey responses ${plan.closedQuarters[0].id} … ${plan.timeline.quarter(0).id} (today ${plan.timeline.today}); ` +
    `built-in effect: ${plan.effect.programmeId} in ${plan.effect.units.join(', ')}; ` +
    `ahead: ${plan.releases.programmes.map((p) => p.programmeId).join(', ')} needing the unit head's release — ` +
    `${describeReleases(plan.releases.requests)}, the workload declines at ${plan.releases.busiest}`
  );
};

async function main(argv: string[]): Promise<number> {
  const summaryAt = argv.indexOf('--summary-file');
  const summaryFile = summaryAt >= 0 ? argv.splice(summaryAt, 2)[1] : null;
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  // The city of cities is loaded beside the API, not through it (province/load-province.ts says why).
  if (argv[argv.indexOf('--size') + 1] === 'province' || argv.includes('--size=province')) {
    let o;
    try {
      o = parseProvinceOptions(argv);
    } catch (e) {
      console.error(`${(e as Error).message}\n${PROVINCE_USAGE}`);
      return 2;
    }
    const gateway = o.gateway ?? 'http://127.0.0.1:3000';
    return runProvince(o, new GatewayClient(gateway, devTokenIssuer(ROOT)), await gatewayToday(gateway));
  }
  let options;
  try {
    options = parseDemoOptions(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const plan = planScenario(options.seed, SIZES[options.size], await gatewayToday(options.gateway), options.tag);
  console.log(`demo: ${describe(plan)}`);
  if (options.planOnly) return 0;
  const client = new GatewayClient(options.gateway, devTokenIssuer(ROOT), options.concurrency);
  const state = await scenarioState(client, plan);
  // npm start prints the headline in its own summary; run alone, the demo prints it.
  const say = (lines: string[]) =>
    summaryFile ? fs.writeFileSync(summaryFile, `${lines.join('\n')}\n`) : console.log(`\n${lines.join('\n')}`);
  if (state.kind === 'other') {
    console.error(
      `demo: this platform holds another scenario (${state.detail}). Put this one beside it with --tag <T>, or run it on empty databases.`,
    );
    return 3;
  }
  if (state.kind === 'complete' && options.ifEmpty) {
    console.log('demo: the scenario is already there; reusing it');
    const q = plan.closedQuarters[0].id;
    say(headlineLines(await fetchReport(client, actors.bkpsdm(plan), q, plan.timeline.quarter(0).id)));
    return 0;
  }
  if (state.kind === 'partial')
    console.log('demo: part of this scenario is there already (an earlier run stopped); sending the rest');
  const progress = createProgress();
  const result = await runScenario(plan, client, progress, options.concurrency).finally(() => progress.stop());
  console.log(
    `demo: done in ${result.seconds.toFixed(1)} s — ${result.requests} requests (${(result.requests / result.seconds).toFixed(0)}/s), ${result.retries} retried` +
      `${result.skipped.length ? `; skipped (routes not in this gateway yet): ${result.skipped.join(', ')}` : ''}`,
  );
  const failed = result.failures.length
    ? [
        `${result.failures.length} commands failed after their retries (first: ${result.failures[0]}); npm run demo sends what is missing.`,
      ]
    : [];
  const releases = result.releases ? [`Release by the unit head: ${result.releases.summary}.`] : [];
  const planning = result.planning ? [`Planning and funding by need: ${result.planning.summary}.`] : [];
  const x = result.externalLearning;
  const external = x
    ? [
        `Learning outside the catalogue: ${x.recorded} records, ${x.verified} verified (JP credited), ${x.rejected} rejected with a coded reason, ${x.pending} waiting for an officer.`,
      ]
    : [];
  const c = result.certificates;
  const certificates = c
    ? [
        `Certificates: ${c.issued} of ${c.expected} completions hold one; checked at the public URL: ${c.verified.map((v) => `${v.number} ${v.status}`).join(', ')}.`,
      ]
    : [];
  say([...failed, ...releases, ...planning, ...external, ...certificates, ...headlineLines(result.report)]);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`demo: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
