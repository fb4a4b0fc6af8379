import { DataSource } from 'typeorm';
import { EventStore } from '@kompeten/event-store';
import type { GatewayClient } from '../gateway/gateway-client';
import { fetchReport } from '../report/correlation-headline';
import { actors } from '../run/demo-context';
import { createProgress } from '../run/progress';
import { loadProvinceCity } from './load-province';
import { PROVINCE_CITIES, provinceCity } from './province.plan';

export const PROVINCE_USAGE = `usage: npm run demo -- --size province [--seed N] [--gateway URL] [--feedback-database URL]
  loads ${PROVINCE_CITIES} large cities' service units, citizens' answers, staff and completions into the feedback
  service's database (its own deciders, EventStore and consumer handler; not through the gateway), waits for
  its read models, then times the correlation report through the gateway
  --feedback-database  the running feedback service's database (default FEEDBACK_DATABASE_URL, or npm start's kompeten_feedback)`;

export interface ProvinceOptions {
  seed: number;
  feedbackDatabase: string;
}

export function parseProvinceOptions(argv: string[]): ProvinceOptions & { gateway?: string } {
  const o: ProvinceOptions & { gateway?: string } = {
    seed: 1,
    feedbackDatabase:
      process.env.FEEDBACK_DATABASE_URL ??
      `postgres://postgres@127.0.0.1:5432/${process.env.KOMPETEN_DB_PREFIX ?? 'kompeten'}_feedback`,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--size') value();
    else if (flag === '--seed') o.seed = Number(value());
    else if (flag === '--gateway') o.gateway = value().replace(/\/+$/, '');
    else if (flag === '--feedback-database') o.feedbackDatabase = value();
    else throw new Error(`unknown option ${argv[i]} for --size province`);
  }
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be an integer');
  return o;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The city of cities: loads the province (see load-province.ts for what is and is not loaded), waits
 * until the feedback service's survey read model holds every answer, then asks the gateway for the
 * province's correlation report five times and prints how long each took.
 */
export async function runProvince(options: ProvinceOptions, client: GatewayClient, today: string): Promise<number> {
  const db = new DataSource({ type: 'postgres', url: options.feedbackDatabase, poolSize: 8 });
  await db.initialize();
  const progress = createProgress();
  try {
    const store = new EventStore(db);
    const started = Date.now();
    let responses = 0;
    let range = { from: '', to: '' };
    let bkpsdm = actors.officerOf({ opd: 'BKPSDM' });
    const [{ before }] = await db.query<{ before: number }[]>('select count(*)::int as before from survey_responses');
    for (let i = 0; i < PROVINCE_CITIES; i++) {
      const plan = provinceCity(options.seed, today, i);
      range = { from: plan.closedQuarters[0].id, to: plan.timeline.quarter(0).id };
      if (i === 0) bkpsdm = actors.bkpsdm(plan);
      responses += (await loadProvinceCity(store, db, plan, today, progress)).responses;
    }
    const appended = (Date.now() - started) / 1000;
    // The service's projection builds survey_responses from the appended events; wait until it has them all.
    const task = progress.task('survey read model catching up', responses);
    for (let seen = 0; seen < responses;) {
      const [{ n }] = await db.query<{ n: number }[]>('select count(*)::int as n from survey_responses');
      task.tick(n - before - seen);
      seen = n - before;
      if (seen < responses) await new Promise((r) => setTimeout(r, 1000));
    }
    task.done();
    const loaded = (Date.now() - started) / 1000;
    const times: number[] = [];
    let rows = 0;
    for (let k = 0; k < 5; k++) {
      const t0 = Date.now();
      const report = await fetchReport(client, bkpsdm, range.from, range.to);
      times.push(Date.now() - t0);
      rows = report.rows.length;
    }
    progress.stop();
    console.log(
      `demo: province of ${PROVINCE_CITIES} large cities: ${responses} answers appended in ${appended.toFixed(1)} s, in the read model after ${loaded.toFixed(1)} s; ` +
        `correlation report ${range.from} … ${range.to} (${rows} unit-periods): ${times.join(', ')} ms (median ${median(times)} ms)`,
    );
    return 0;
  } finally {
    progress.stop();
    await db.destroy();
  }
}
