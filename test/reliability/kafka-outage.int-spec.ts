import { eventually, tailTopic, topicEnd } from '@kompeten/testing';
import { eventTopic } from '@kompeten/contracts';
import { commandStream, post, sleep, unexpectedAnswers } from './support/command-stream';
import { caughtUp, lagBehindLog } from './support/db';
import { recordFigures, setting, tally } from './support/figures';
import { nipsForRun, runTag, staffBody } from './support/mothers';
import { privateKafka, startPrivateBroker, stopPrivateBroker } from './support/private-broker';
import { nothingLost, SagaCluster, sagaFigures, startSagaCluster } from './support/saga-cluster';

// The broker goes away (10 s in CI, a minute nightly) while staff are registered and enrolled at a steady rate.
// Commands keep working (events wait in each service's log); when the broker is back, every event
// reaches every read model exactly once: enrolment's projections, feedback's copy of the roster,
// and the saga round trip enrolment → budget → enrolment.
const OUTAGE_S = setting('RELIABILITY_OUTAGE_SECONDS', 10, 60);
const RATE = setting('RELIABILITY_COMMAND_RATE', 4, 8); // registrations (each followed by an enrolment) per second

describe('a Kafka broker outage under a steady stream of commands', () => {
  let c: SagaCluster;
  const tag = runTag();
  const nip = nipsForRun();

  beforeAll(async () => {
    await startPrivateBroker();
    c = await startSagaCluster(tag);
  }, 180_000);
  afterAll(async () => {
    await startPrivateBroker(); // in case the test failed while the broker was down
    await c?.stop();
  }, 120_000);

  it(`commands succeed or answer 503 while the broker is down for ${OUTAGE_S} s, and afterwards every event is in every read model exactly once`, async () => {
    const kafka = privateKafka();
    const topic = eventTopic('enrolment');
    const from = await topicEnd(kafka, topic);
    const [{ position: headBefore }] = await c.db.enrolment.rows<{ position: string }>(
      'select position from es_head where id = 1',
    );
    let running = true;
    let brokerDown = false;
    let acceptedWhileDown = 0;
    const acknowledged: string[] = [];
    const stream = commandStream({
      perSecond: RATE,
      running: () => running,
      iteration: async (i, answered) => {
        const registered = await post(`${c.enrolment.url}/staff`, staffBody(nip(i), c.opd));
        answered('register', registered.status);
        if (registered.status !== 201) return;
        acknowledged.push(nip(i));
        if (brokerDown) acceptedWhileDown++;
        const enrolled = await post(
          `${c.enrolment.url}/programmes/${c.programmes[i % c.programmes.length]}/enrolments`,
          { nip: nip(i) },
        );
        answered('enrol', enrolled.status);
      },
    });
    await sleep(5_000);
    const down = Date.now();
    await stopPrivateBroker();
    brokerDown = true;
    await sleep(OUTAGE_S * 1000);
    const backlogAtRestart = (await lagBehindLog(c.db.enrolment))['outbox:enrolment-relay'];
    await startPrivateBroker();
    brokerDown = false;
    const outageSeconds = Math.round((Date.now() - down) / 1000);
    await sleep(5_000);
    running = false;
    const answers = await stream;
    expect(unexpectedAnswers(answers, [201, 503])).toEqual({});

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
    const recoverySeconds = Math.round((Date.now() - recoveryStart) / 1000);

    // Every acknowledged registration is in the log, and the log in every read model exactly once.
    const logged = (
      await c.db.enrolment.rows<{ nip: string }>(
        `select payload->>'nip' as nip from es_event where type = 'StaffRegistered'`,
      )
    ).map((r) => r.nip);
    const acknowledgedInLog = tally(acknowledged, logged);
    // On the wire, at-least-once: a batch re-sent after a failed acknowledgement shows up twice there (and only there).
    const ids = new Set(
      (
        await c.db.enrolment.rows<{ event_id: string }>('select event_id from es_event where position > $1', [
          headBefore,
        ])
      ).map((r) => r.event_id),
    );
    const onKafka = await tailTopic(
      kafka,
      topic,
      from,
      (m) => new Set(m.map((x) => x.headers['event-id'])).size >= ids.size,
      60_000,
    );
    const wire = tally(
      ids,
      onKafka.map((m) => m.headers['event-id']).filter((id) => ids.has(id)),
    );

    recordFigures('kafka-outage', {
      outageSeconds,
      acceptedWhileDown,
      backlogAtRestart,
      recoverySeconds,
      answers: answers.answers,
      acknowledgedInLog,
      kafkaTopic: wire,
      ...figures,
    });
    expect(acknowledgedInLog.lost).toBe(0);
    expect(wire.lost).toBe(0);
    for (const [readModel, t] of Object.entries(figures))
      expect({ readModel, ...t }).toEqual({ readModel, compared: t.compared, lost: 0, duplicated: 0 });
    expect(acceptedWhileDown).toBeGreaterThan(0); // commands went on while the broker was down
  }, 600_000);
});
