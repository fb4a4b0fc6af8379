import { eventually } from '@kompeten/testing';
import { commandStream, post, sleep, StreamTally, unexpectedAnswers } from './support/command-stream';
import { caughtUp, lagBehindLog } from './support/db';
import { recordFigures, setting, tally } from './support/figures';
import { nipsForRun, runTag, staffBody } from './support/mothers';
import { startPrivateBroker } from './support/private-broker';
import { PostgresServer, privatePostgresUnavailable, startPostgresServer } from './support/private-postgres';
import { nothingLost, SagaCluster, sagaFigures, startSagaCluster } from './support/saga-cluster';
import { waitReady } from './support/service-process';

// The services' Postgres server is restarted twice while staff are registered and enrolled at a
// steady rate: once cleanly, once as a crash (immediate shutdown, WAL recovery). It is a server of
// this test's own, so nobody else's tests feel it. Commands in flight may fail; every acknowledged
// one is in the log afterwards, the same processes carry on without a restart, and every event
// reaches every read model exactly once.
const DOWN_MS = setting('RELIABILITY_PG_DOWN_SECONDS', 2, 10) * 1000;
const RATE = setting('RELIABILITY_COMMAND_RATE', 4, 8);
const unavailable = privatePostgresUnavailable();

(unavailable ? describe.skip : describe)('a Postgres restart under a steady stream of commands', () => {
  let pg: PostgresServer;
  let c: SagaCluster;
  const tag = runTag();
  const nip = nipsForRun();
  let answers: StreamTally;

  beforeAll(async () => {
    await startPrivateBroker();
    pg = await startPostgresServer();
    c = await startSagaCluster(tag, { createDatabase: (label) => pg.createDatabase(label) });
  }, 180_000);
  afterAll(async () => {
    await c?.stop();
    await pg?.stop();
  }, 120_000);

  it('loses no acknowledged command, and the services reconnect by themselves', async () => {
    const pids = [c.enrolment, c.budget, c.feedback].map((p) => p.pid);
    let running = true;
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const stream = commandStream({
      perSecond: RATE,
      running: () => running,
      iteration: async (i, answered) => {
        const registered = await post(`${c.enrolment.url}/staff`, staffBody(nip(i), c.opd));
        answered('register', registered.status);
        if (registered.status !== 201) {
          refused.push(nip(i));
          return;
        }
        acknowledged.push(nip(i));
        answered(
          'enrol',
          (
            await post(`${c.enrolment.url}/programmes/${c.programmes[i % c.programmes.length]}/enrolments`, {
              nip: nip(i),
            })
          ).status,
        );
      },
    });
    await sleep(3_000);
    await pg.restart('fast', DOWN_MS);
    await sleep(4_000);
    await pg.restart('immediate', DOWN_MS);
    await sleep(4_000);
    running = false;
    answers = await stream;

    // The same processes answer again, without having been restarted.
    for (const p of [c.enrolment, c.budget, c.feedback]) await waitReady(p, 60_000);
    expect([c.enrolment, c.budget, c.feedback].map((p) => p.pid)).toEqual(pids);
    const after = nip(100_000 % 23_976);
    expect((await post(`${c.enrolment.url}/staff`, staffBody(after, c.opd))).status).toBe(201);
    acknowledged.push(after);

    const recoveryStart = Date.now();
    const figures = await eventually(
      async () => {
        const lags = await Promise.all([c.db.enrolment, c.db.budget, c.db.feedback].map(lagBehindLog));
        const f = await sagaFigures(c);
        return lags.every(caughtUp) && nothingLost(f) ? f : undefined;
      },
      180_000,
      1000,
    );
    const logged = (
      await c.db.enrolment.rows<{ nip: string }>(
        `select payload->>'nip' as nip from es_event where type = 'StaffRegistered'`,
      )
    ).map((r) => r.nip);
    const acknowledgedInLog = tally(acknowledged, logged);
    // A command whose answer was lost with the connection may still have committed: "in doubt", and harmless.
    const refusedButCommitted = refused.filter((n) => logged.includes(n)).length;

    recordFigures('postgres-restart', {
      restarts: ['fast', 'immediate'],
      downSeconds: DOWN_MS / 1000,
      answers: answers.answers,
      acknowledgedInLog,
      refusedButCommitted,
      recoverySeconds: Math.round((Date.now() - recoveryStart) / 1000),
      ...figures,
    });
    expect(acknowledgedInLog.lost).toBe(0);
    for (const [readModel, t] of Object.entries(figures))
      expect({ readModel, ...t }).toEqual({ readModel, compared: t.compared, lost: 0, duplicated: 0 });
  }, 600_000);

  // A command the service cannot serve while its database is down answers 503 with Retry-After
  // (libs/platform/src/http/problem-details.filter.ts), not a 500 that reads as a bug.
  it('answers 503, not 500, to commands it cannot serve while the database is down', () => {
    expect(unexpectedAnswers(answers, [201, 503])).toEqual({});
  });
});
