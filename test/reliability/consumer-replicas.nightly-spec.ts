import { AssignerProtocol } from 'kafkajs';
import { eventTopic } from '@kompeten/contracts';
import { eventually, TestDatabase } from '@kompeten/testing';
import { Db, openDb } from './support/db';
import { recordFigures, setting } from './support/figures';
import { nipsForRun, runTag } from './support/mothers';
import { privateKafka, startPrivateBroker } from './support/private-broker';
import { testDatabases } from './support/private-postgres';
import { registerAndTransfer, rosterCopyFigures } from './support/roster-load';
import { metricValue, ServiceProcess, startService, waitReady } from './support/service-process';

// Two replicas of feedback on one database share the enrolment topic's partitions; each event is
// applied by exactly one of them. One replica is killed with SIGKILL while events still arrive: the
// other takes its partitions over (once the dead member's session expires) and nothing is lost.
const STAFF = setting('RELIABILITY_REPLICA_STAFF', 200, 1000); // per burst, two events each
const GROUP = 'kompeten-feedback.staff-training';

/** Partitions of the enrolment topic held by each live member of feedback's group. */
async function assignment(): Promise<number[][]> {
  const admin = privateKafka().admin();
  await admin.connect();
  try {
    const {
      groups: [group],
    } = await admin.describeGroups([GROUP]);
    if (group.state !== 'Stable') return [];
    return group.members.map(
      (m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[eventTopic('enrolment')] ?? [],
    );
  } finally {
    await admin.disconnect();
  }
}

const applied = async (p: ServiceProcess) =>
  metricValue(await p.metrics(), 'kompeten_consumer_events', {
    consumer: 'feedback.staff-training',
    outcome: 'applied',
  }) ?? 0;

describe('two replicas of a consumer service', () => {
  const tag = runTag();
  const nip = nipsForRun();
  const first = Array.from({ length: STAFF }, (_, i) => nip(i));
  const second = Array.from({ length: STAFF }, (_, i) => nip(STAFF + i));
  let dbs: TestDatabase[];
  let enrolment: ServiceProcess;
  let replicas: ServiceProcess[] = [];
  let sql: { enrolment: Db; feedback: Db };
  const allApplied = (nips: string[]) =>
    eventually(
      async () => {
        const f = await rosterCopyFigures(sql.enrolment, sql.feedback, nips);
        return f.ids.lost === 0 && f.registrations.lost === 0 && f.transfers.lost === 0 ? f : undefined;
      },
      180_000,
      500,
    );

  beforeAll(async () => {
    await startPrivateBroker();
    const createDatabase = await testDatabases();
    dbs = await Promise.all([createDatabase('rel_replica_enrolment'), createDatabase('rel_replica_feedback')]);
    sql = { enrolment: openDb(dbs[0].url), feedback: openDb(dbs[1].url) };
    enrolment = await startService('enrolment', { DATABASE_URL: dbs[0].url });
    replicas = await Promise.all([0, 1].map(() => startService('feedback', { DATABASE_URL: dbs[1].url })));
    await Promise.all([enrolment, ...replicas].map((p) => waitReady(p)));
  }, 180_000);
  afterAll(async () => {
    await Promise.all([enrolment, ...replicas].map((p) => p?.stop()));
    await Promise.all(Object.values(sql ?? {}).map((d) => d.close()));
    await Promise.all((dbs ?? []).map((d) => d.drop()));
  });

  it('share the partitions and apply each event once', async () => {
    const shared = await eventually(
      async () => {
        const a = await assignment();
        return a.length === 2 && a.every((p) => p.length > 0) ? a : undefined;
      },
      90_000,
      500,
    );
    await registerAndTransfer(enrolment.url, first, `REL-${tag}`, `REL2-${tag}`);
    const figures = await allApplied(first);
    const perReplica = await Promise.all(replicas.map(applied));
    recordFigures('consumer-replicas: shared', {
      partitions: shared.map((p) => p.length),
      appliedPerReplica: perReplica,
      ...figures,
    });
    expect(perReplica.every((n) => n > 0)).toBe(true);
    expect(figures.ids).toEqual({ compared: STAFF * 2, lost: 0, duplicated: 0 });
    expect([figures.registrations.duplicated, figures.transfers.duplicated]).toEqual([0, 0]);
  }, 300_000);

  it('hand a killed replica’s partitions to the other, losing and repeating nothing', async () => {
    const [survivor, victim] = replicas;
    const before = await applied(survivor);
    const producing = registerAndTransfer(enrolment.url, second, `REL-${tag}`, `REL2-${tag}`, 4);
    await eventually(
      async () => ((await applied(victim)) > 0 && (await applied(survivor)) > before ? true : undefined),
      60_000,
      100,
    );
    await victim.kill();
    const killedAt = Date.now();
    const takenOver = await eventually(
      async () => {
        const a = await assignment();
        return a.length === 1 && a[0].length === 6 ? a : undefined;
      },
      120_000,
      500,
    );
    const handoverSeconds = Math.round((Date.now() - killedAt) / 1000);
    await producing;
    const figures = await allApplied(second);
    recordFigures('consumer-replicas: handover', {
      handoverSeconds,
      survivorPartitions: takenOver[0].length,
      ...figures,
    });
    expect(figures).toEqual({
      ids: { compared: STAFF * 2, lost: 0, duplicated: 0 },
      registrations: { compared: STAFF, lost: 0, duplicated: 0 },
      transfers: { compared: STAFF, lost: 0, duplicated: 0 },
    });
  }, 300_000);
});
