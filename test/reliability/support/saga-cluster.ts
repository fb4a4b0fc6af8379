import type { TestDatabase } from '@kompeten/testing';
import { post } from './command-stream';
import { Db, eventIds, openDb, processedIds } from './db';
import { tally, Tally } from './figures';
import { programmeBody } from './mothers';
import { testDatabases } from './private-postgres';
import { ServiceProcess, startService, waitReady } from './service-process';

/**
 * enrolment, budget and feedback as processes on throwaway databases and the private broker, with
 * a budget and programmes ready: a registration is copied by feedback, an enrolment goes round the
 * saga (StaffEnrolled → budget's FundsCommitted → EnrolmentConfirmed).
 */
export async function startSagaCluster(
  tag: string,
  options: { env?: Record<string, string>; createDatabase?: (label: string) => Promise<TestDatabase> } = {},
) {
  const names = ['enrolment', 'budget', 'feedback'] as const;
  const env = options.env ?? {};
  const createDatabase = options.createDatabase ?? (await testDatabases());
  const dbs: TestDatabase[] = await Promise.all(names.map((n) => createDatabase(`rel_${n}`)));
  const urls = dbs.map((d) => d.url);
  const [enrolment, budget, feedback] = await Promise.all(
    names.map((n, i) => startService(n, { DATABASE_URL: urls[i], ...env })),
  );
  const services: ServiceProcess[] = [enrolment, budget, feedback];
  await Promise.all(services.map((s) => waitReady(s)));
  const opd = `REL-${tag}`;
  const area = `reliability-${tag.toLowerCase()}`;
  const opened = await post(`${budget.url}/budgets`, {
    fiscalYear: 2026,
    opd,
    fundingSource: 'APBD',
    ceiling: 1_000_000_000_000,
  });
  const budgetId = (opened.body as { budgetId: string }).budgetId;
  expectCreated(
    opened.status,
    (await post(`${budget.url}/budgets/${budgetId}/allocations`, { competencyArea: area, amount: 1_000_000_000_000 }))
      .status,
  );
  const programmes = [0, 1, 2, 3].map((i) => `rel-${tag.toLowerCase()}-${i}`);
  for (const id of programmes)
    expectCreated((await post(`${enrolment.url}/programmes`, programmeBody(id, opd, area))).status);
  const db = { enrolment: openDb(urls[0]), budget: openDb(urls[1]), feedback: openDb(urls[2]) };
  return {
    enrolment,
    budget,
    feedback,
    opd,
    programmes,
    db,
    urls,
    /** Stops every process (SIGTERM) and drops the databases. */
    async stop() {
      await Promise.all(services.map((s) => s.stop()));
      await Promise.all(Object.values(db).map((d) => d.close()));
      await Promise.all(dbs.map((d) => d.drop()));
    },
  };
}

export type SagaCluster = Awaited<ReturnType<typeof startSagaCluster>>;

function expectCreated(...statuses: unknown[]) {
  for (const s of statuses) if (s !== 201) throw new Error(`setup command answered ${String(s)}`);
}

const payloadIds = async (db: Db, type: string, field: string) =>
  (await db.rows<{ id: string }>(`select payload->>'${field}' as id from es_event where type = $1`, [type])).map(
    (r) => r.id,
  );

/**
 * Every committed event compared with every read model that must hold it: enrolment's own
 * projections, the budget's and enrolment's saga consumers, feedback's copy of the roster — by
 * event id (msg_processed) and by the effect each application leaves (a row, an answering event).
 */
export async function sagaFigures(c: SagaCluster): Promise<Record<string, Tally>> {
  const { enrolment: e, budget: b, feedback: f } = c.db;
  const registeredNips = await payloadIds(e, 'StaffRegistered', 'nip');
  const enrolmentIds = await payloadIds(e, 'StaffEnrolled', 'enrolmentId');
  const committedIds = await eventIds(b, ['FundsCommitted']);
  return {
    'enrolment staff_roster': tally(
      registeredNips,
      (await e.rows<{ nip: string }>('select nip from staff_roster')).map((r) => r.nip),
    ),
    'enrolment enrolment_history': tally(
      enrolmentIds,
      (await e.rows<{ enrolment_id: string }>('select enrolment_id from enrolment_history')).map((r) => r.enrolment_id),
    ),
    'budget consumer (ids)': tally(
      await eventIds(e, ['StaffEnrolled']),
      await processedIds(b, 'budget.enrolment-events'),
    ),
    'budget answers (FundsCommitted per enrolment)': tally(
      enrolmentIds,
      await payloadIds(b, 'FundsCommitted', 'enrolmentId'),
    ),
    'enrolment saga consumer (ids)': tally(committedIds, await processedIds(e, 'enrolment.budget-answers')),
    'enrolment confirmations (per enrolment)': tally(
      enrolmentIds,
      await payloadIds(e, 'EnrolmentConfirmed', 'enrolmentId'),
    ),
    'feedback consumer (ids)': tally(
      await eventIds(e, ['StaffRegistered']),
      await processedIds(f, 'feedback.staff-training'),
    ),
    'feedback fb_staff_assignment (per registration)': tally(
      registeredNips,
      (await f.rows<{ nip: string }>('select nip from fb_staff_assignment')).map((r) => r.nip),
    ),
  };
}

/** True when every read model of sagaFigures holds every event (nothing lost yet). */
export const nothingLost = (figures: Record<string, Tally>) => Object.values(figures).every((t) => t.lost === 0);
