import { eventually, TestDatabase } from '@kompeten/testing';
import { caughtUp, Db, lagBehindLog, openDb, processedIds } from './support/db';
import { recordFigures, setting } from './support/figures';
import { nipsForRun, runTag } from './support/mothers';
import { startPrivateBroker } from './support/private-broker';
import { testDatabases } from './support/private-postgres';
import { registerAndTransfer, rosterCopyFigures } from './support/roster-load';
import { metricValue, ServiceProcess, startService, waitReady } from './support/service-process';

// feedback catches up on a backlog of enrolment events and is killed with SIGKILL a third of the way
// through (no shutdown hook runs: a transaction may be committed with its Kafka offset not), then
// started again on the same database. Nothing is skipped and nothing is applied twice.
const STAFF = setting('RELIABILITY_CRASH_STAFF', 400, 2000); // two events each

describe('a consumer killed with SIGKILL mid-consumption and restarted', () => {
  const tag = runTag();
  const nip = nipsForRun();
  const nips = Array.from({ length: STAFF }, (_, i) => nip(i));
  let dbs: TestDatabase[];
  let enrolment: ServiceProcess;
  let feedback: ServiceProcess | undefined;
  let sql: { enrolment: Db; feedback: Db };

  beforeAll(async () => {
    await startPrivateBroker();
    const createDatabase = await testDatabases();
    dbs = await Promise.all([createDatabase('rel_crash_enrolment'), createDatabase('rel_crash_feedback')]);
    sql = { enrolment: openDb(dbs[0].url), feedback: openDb(dbs[1].url) };
    enrolment = await startService('enrolment', { DATABASE_URL: dbs[0].url });
    await waitReady(enrolment);
  }, 180_000);
  afterAll(async () => {
    await feedback?.stop();
    await enrolment?.stop();
    await Promise.all(Object.values(sql ?? {}).map((d) => d.close()));
    await Promise.all((dbs ?? []).map((d) => d.drop()));
  });

  it('skips no event and applies none twice', async () => {
    await registerAndTransfer(enrolment.url, nips, `REL-${tag}`, `REL2-${tag}`);
    await eventually(async () => (caughtUp(await lagBehindLog(sql.enrolment)) ? true : undefined), 60_000); // all on Kafka
    const events = STAFF * 2;

    feedback = await startService('feedback', { DATABASE_URL: dbs[1].url });
    const appliedAtKill = await eventually(
      async () => {
        const n = (await processedIds(sql.feedback, 'feedback.staff-training')).length;
        return n >= events / 3 ? n : undefined;
      },
      120_000,
      20,
    );
    await feedback.kill();
    const killedAfter = (await processedIds(sql.feedback, 'feedback.staff-training')).length;

    feedback = await startService('feedback', { DATABASE_URL: dbs[1].url });
    await waitReady(feedback);
    const restarted = Date.now();
    const figures = await eventually(
      async () => {
        const f = await rosterCopyFigures(sql.enrolment, sql.feedback, nips);
        return f.ids.lost === 0 && f.registrations.lost === 0 && f.transfers.lost === 0 ? f : undefined;
      },
      180_000,
      500,
    );
    const metrics = await feedback.metrics();
    const redeliveredAndSkipped = metricValue(metrics, 'kompeten_consumer_events', {
      consumer: 'feedback.staff-training',
      outcome: 'duplicate',
    });

    recordFigures('consumer-crash', {
      events,
      appliedWhenKilled: `${appliedAtKill}–${killedAfter}`,
      catchUpAfterRestartSeconds: Math.round((Date.now() - restarted) / 1000),
      redeliveredAndSkipped,
      ...figures,
    });
    expect(killedAfter).toBeLessThan(events); // it really was killed mid-way
    expect(figures).toEqual({
      ids: { compared: events, lost: 0, duplicated: 0 },
      registrations: { compared: STAFF, lost: 0, duplicated: 0 },
      transfers: { compared: STAFF, lost: 0, duplicated: 0 },
    });
  }, 600_000);
});
