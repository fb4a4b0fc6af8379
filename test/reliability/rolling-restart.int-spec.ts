import { randomUUID } from 'node:crypto';
import { createTestAuth, eventually, TestDatabase } from '@kompeten/testing';
import { Answer, post } from './support/command-stream';
import { openDb } from './support/db';
import { recordFigures, tally } from './support/figures';
import { runTag } from './support/mothers';
import { startPrivateBroker } from './support/private-broker';
import { testDatabases } from './support/private-postgres';
import { ReplicatedService, startReplicated } from './rolling-restart.cluster';

// Two replicas of the gateway and two of feedback, each pair behind one port as `npm start --
// --replicas 2` runs them (a supervisor hands connections to the replicas in turn). Kiosks submit
// survey responses through the gateway's port without pause while every replica is restarted, one
// after the other: SIGTERM, it drains (not ready, still serving, each answer closes its connection)
// for SHUTDOWN_DRAIN_MS, stops accepting, finishes what is in flight, exits; the supervisor starts
// its successor and the next replica goes once that one listens. The client sees neither a 5xx nor a
// network error, and every accepted response is in the log and in the read model exactly once.
const CONNECTIONS = 6;

describe('a rolling restart of replicated services under load', () => {
  const unit = `PKM-ROLL-${runTag()}`;
  let dbs: TestDatabase[] = [];
  let feedback: ReplicatedService | undefined;
  let gateway: ReplicatedService | undefined;

  beforeAll(async () => {
    await startPrivateBroker();
    const createDatabase = await testDatabases();
    dbs = await Promise.all([createDatabase('rel_roll_feedback'), createDatabase('rel_roll_gateway')]);
  }, 120_000);
  afterAll(async () => {
    for (const s of [gateway, feedback]) await s?.stop();
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('answers every command with a 2xx while each replica restarts in turn, and loses or doubles none', async () => {
    const auth = await createTestAuth();
    const drain = { SHUTDOWN_DRAIN_MS: '1000', DATABASE_POOL_MAX: '4' };
    feedback = await startReplicated('feedback', 2, { DATABASE_URL: dbs[0].url, ...drain });
    const nowhere = 'http://127.0.0.1:9';
    gateway = await startReplicated('gateway', 2, {
      DATABASE_URL: dbs[1].url,
      AUTH_LOCAL_JWKS: auth.jwks,
      FEEDBACK_URL: feedback.url,
      ENROLMENT_URL: nowhere,
      ASSESSMENT_URL: nowhere,
      BUDGET_URL: nowhere,
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...drain,
    });
    const officer = await auth.token({ roles: ['training-officer'] });
    const kiosk = await auth.token({ roles: ['kiosk'] });
    const registered = await post(
      `${gateway.url}/api/v1/service-units`,
      {
        unitCode: unit,
        name: 'Puskesmas uji restart',
        opd: 'DINKES',
        kind: 'puskesmas',
        annualServiceUsers: 100_000,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      },
      { Authorization: `Bearer ${officer}` },
    );
    expect(registered.status).toBe(201);

    // The kiosks: a closed loop of submissions, each with its own Idempotency-Key, never retried.
    const answers = new Map<string, Answer>();
    const failures: string[] = [];
    let running = true;
    const kioskLoop = async () => {
      while (running) {
        const submissionId = randomUUID();
        const { status, body } = await post(
          `${gateway!.url}/api/v1/survey-responses`,
          {
            submissionId,
            unitCode: unit,
            serviceCode: 'POLI-UMUM',
            servedOn: '2026-02-10',
            channel: 'kiosk',
            scores: { u1: 3, u2: 4, u3: 3, u4: 3, u5: 4, u6: 4, u7: 3, u8: 3, u9: 4 },
          },
          { Authorization: `Bearer ${kiosk}`, 'Idempotency-Key': `kiosk-${submissionId}` },
        );
        answers.set(submissionId, status);
        if (status !== 201 && failures.length < 5) failures.push(`${status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    };
    const kiosks = Array.from({ length: CONNECTIONS }, kioskLoop);

    // Every replica in turn, the gateway's first (each counting answers before and after its restart).
    const restarts: { service: string; replica: number; answersBefore: number; exit: unknown }[] = [];
    await eventually(() => (answers.size >= 50 ? true : undefined), 30_000, 50);
    for (const [service, target] of [
      ['gateway', gateway],
      ['feedback', feedback],
    ] as const)
      for (const replica of [1, 2]) {
        const answersBefore = answers.size;
        const { exit } = await target.restart(replica);
        restarts.push({ service, replica, answersBefore, exit });
      }
    const during = answers.size;
    await eventually(() => (answers.size >= during + 50 ? true : undefined), 30_000, 50);
    running = false;
    await Promise.all(kiosks);

    const statuses: Record<string, number> = {};
    for (const s of answers.values()) statuses[String(s)] = (statuses[String(s)] ?? 0) + 1;
    const accepted = [...answers].filter(([, s]) => s === 201).map(([id]) => id);

    // The log and the read model: each accepted response once (the projection catches up in its own time).
    const sql = openDb(dbs[0].url);
    try {
      const logged = async () =>
        (
          await sql.rows<{ id: string }>(
            `select payload->>'submissionId' as id from es_event
              where type = 'SurveyResponseSubmitted' and payload->>'unitCode' = $1`,
            [unit],
          )
        ).map((r) => r.id);
      const readModel = async () => {
        const [{ table_name: table }] = await sql.rows<{ table_name: string }>(
          `select table_name from projection_checkpoint where projection = 'survey_responses' and state = 'active'`,
        );
        return (
          await sql.rows<{ id: string }>(`select submission_id as id from "${table}" where unit_code = $1`, [unit])
        ).map((r) => r.id);
      };
      const inReadModel = await eventually(
        async () => {
          const ids = await readModel();
          return tally(accepted, ids).lost === 0 ? ids : undefined;
        },
        60_000,
        250,
      ).catch(readModel);
      const log = tally(accepted, await logged());
      const model = tally(accepted, inReadModel);
      recordFigures('rolling-restart', {
        replicas: { gateway: 2, feedback: 2 },
        connections: CONNECTIONS,
        commands: answers.size,
        statuses,
        restarts,
        log,
        readModel: model,
      });
      expect(failures).toEqual([]);
      expect(Object.keys(statuses)).toEqual(['201']);
      expect(restarts.map((r) => r.exit)).toEqual(Array(4).fill({ code: 0, signal: null }));
      // Load ran through every restart: each began with answers still coming.
      expect(restarts.every((r, i) => (restarts[i + 1]?.answersBefore ?? during) > r.answersBefore)).toBe(true);
      expect(log).toEqual({ compared: accepted.length, lost: 0, duplicated: 0 });
      expect(model).toEqual({ compared: accepted.length, lost: 0, duplicated: 0 });
    } finally {
      await sql.close();
    }
  }, 240_000);
});
