import { EVENT_CONTRACTS, type EventContract, eventTopic, type EventProducingService } from '@kompeten/contracts';
import {
  contractUpcasters,
  EventStore,
  eventStoreMigrations,
  PostgresKeyStore,
  UpcasterRegistry,
} from '@kompeten/event-store';
import {
  ConsumerOutcome,
  EventConsumer,
  messagingMigrations,
  MessagingWorker,
  OutboxRelay,
  ProjectionRunner,
} from '@kompeten/messaging';
import type { WorkerContext } from '@kompeten/platform';
import { CityCalendar } from '@kompeten/domain';
import {
  createTestDatabase,
  createTestTopics,
  eventually,
  migratedDataSource,
  TestDatabase,
  testKafka,
  uniqueName,
  testKeyEncryptionKeys,
} from '@kompeten/testing';
import { AssessmentPolicy } from '../../services/assessment/src/assessment.policy';
import { assessmentWorkers } from '../../services/assessment/src/assessment.workers';
import { assessmentMigrations } from '../../services/assessment/src/schema';
import { budgetWorkers } from '../../services/budget/src/budget.workers';
import { budgetMigrations } from '../../services/budget/src/schema';
import { enrolmentWorkers } from '../../services/enrolment/src/enrolment.workers';
import { feedbackWorkers } from '../../services/feedback/src/feedback.workers';
import { CreateTrainingHistory1733100000000 } from '../../services/feedback/src/training-history/1733100000000-create-training-history';

// A schema change rehearsed end to end. In this test only, StaffRegistered's current version is 2
// (the work unit as one `workUnit` object, as the production contract has it) and its v1 kept the
// OPD and service unit as two flat fields, with an upcaster from v1 in the contract. The enrolment
// log holds v1 events and its relay publishes them as stored. Every reader of StaffRegistered in
// every service — found in the services' own worker lists, so a new one is covered too — must
// apply them, upcast, rather than dead-letter them or stall.

type StaffRegisteredV1 = {
  nip: string;
  name: string | null;
  employmentType: string;
  opd: string;
  serviceUnit: string | null;
  position: string;
  registeredOn: string;
};

const v1 = (nip: string, opd: string, serviceUnit: string | null): StaffRegisteredV1 => ({
  nip,
  name: null,
  employmentType: 'PNS',
  opd,
  serviceUnit,
  position: 'Perawat Ahli Pertama',
  registeredOn: '2019-03-01',
});
const STAFF = [v1('198609262015051001', 'DINKES', 'PUSKESMAS-GULAI-BANCAH'), v1('199001012019032002', 'BPBD', null)];

const staffRegistered = EVENT_CONTRACTS.find((c) => c.type === 'StaffRegistered')!;
const STAFF_REGISTERED_V2: EventContract = {
  ...staffRegistered,
  version: 2,
  upcasters: [
    {
      fromVersion: 1,
      upcast: ({ opd, serviceUnit, ...rest }: StaffRegisteredV1) => ({ ...rest, workUnit: { opd, serviceUnit } }),
    },
  ],
};
const WITH_V2 = EVENT_CONTRACTS.map((c) => (c === staffRegistered ? STAFF_REGISTERED_V2 : c));

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const SERVICES: EventProducingService[] = ['enrolment', 'assessment', 'budget', 'feedback'];

/** One service as the platform builds it: its database, a store and workers given the registry. */
interface Service {
  name: EventProducingService;
  db: TestDatabase;
  ctx: WorkerContext;
  workers: MessagingWorker[];
}

async function startService(
  name: EventProducingService,
  upcasters: UpcasterRegistry,
  kafka: WorkerContext['kafka'],
): Promise<Service> {
  const own = {
    enrolment: [],
    assessment: assessmentMigrations,
    budget: budgetMigrations,
    feedback: [CreateTrainingHistory1733100000000],
  };
  const db = await createTestDatabase(`upcast_${name}`);
  const dataSource = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations, ...own[name]]);
  const keys = new PostgresKeyStore(dataSource, testKeyEncryptionKeys());
  const ctx: WorkerContext = {
    dataSource,
    keys,
    calendar: new CityCalendar(),
    kafka,
    service: name,
    upcasters,
    store: new EventStore(dataSource, { keys, upcasters }),
  };
  const workers = {
    enrolment: () => enrolmentWorkers(ctx),
    assessment: () => assessmentWorkers(ctx, new AssessmentPolicy(7, 14, 3, 24, 3, 60_000), { now: () => new Date() }),
    budget: () => budgetWorkers(ctx),
    feedback: () => feedbackWorkers(ctx),
  }[name]();
  return { name, db, ctx, workers };
}

const reads = (types: readonly string[] | undefined, type: string) => !types || types.includes(type);

describe('a new version of an event with its upcaster in libs/contracts', () => {
  const kafka = testKafka('upcasting');
  const upcasters = contractUpcasters(WITH_V2);
  const topics = new Map<string, string>();
  let services: Service[];
  let enrolment: Service;
  /** Every reader of StaffRegistered: the producing service's projections, and every service's consumers of its topic. */
  let projections: { service: string; runner: ProjectionRunner }[];
  let consumers: { service: string; consumer: EventConsumer }[];

  beforeAll(async () => {
    for (const s of SERVICES) topics.set(eventTopic(s), uniqueName(`upcast-${s}`));
    await createTestTopics(
      kafka,
      [...topics.values()].flatMap((t) => [t, `${t}.dlq`]),
      2,
    );
    services = await Promise.all(SERVICES.map((s) => startService(s, upcasters, kafka)));
    enrolment = services.find((s) => s.name === staffRegistered.service)!;
    projections = enrolment.workers
      .filter((w): w is ProjectionRunner => w instanceof ProjectionRunner)
      .filter((runner) => reads(runner.projection.eventTypes, 'StaffRegistered'))
      .map((runner) => ({ service: enrolment.name, runner }));
    consumers = services.flatMap((s) =>
      s.workers
        .filter((w): w is EventConsumer => w instanceof EventConsumer)
        .filter((c) => c.options.topics.includes(eventTopic(staffRegistered.service)))
        .filter((c) => reads(c.options.handle.eventTypes, 'StaffRegistered'))
        .map((consumer) => ({ service: s.name, consumer })),
    );

    const metadata = { actor: 'user:bkpsdm-1', correlationId: 'upcast-rehearsal', causationId: null };
    for (const data of STAFF)
      await enrolment.ctx.store.append(
        `staff-${data.nip}`,
        'no-stream',
        [{ type: 'StaffRegistered', schemaVersion: 1, data }],
        metadata,
      );
  }, 120_000);
  afterAll(async () => {
    for (const s of services ?? []) {
      await s.ctx.dataSource.destroy();
      await s.db.drop();
    }
  });

  it('finds the readers of StaffRegistered in the services’ worker lists', () => {
    expect(projections.map((p) => `${p.service}: ${p.runner.name}`)).toEqual(
      expect.arrayContaining(['enrolment: staff_roster']),
    );
    expect(consumers.map((c) => `${c.service}: ${c.consumer.options.name}`)).toEqual(
      expect.arrayContaining(['assessment: assessment.staff-roster', 'feedback: feedback.staff-training']),
    );
  });

  it('is applied, upcast, by every projection and every consumer of it in every service', async () => {
    // On the wire: the old version, exactly as stored (the log is never rewritten).
    const records = await enrolment.ctx.store.readRecords(0, 100);
    expect(records.map((r) => [r.type, r.schemaVersion])).toEqual(STAFF.map(() => ['StaffRegistered', 1]));
    expect(records.map((r) => r.payload)).toEqual(STAFF);
    const relay = new OutboxRelay({
      dataSource: enrolment.ctx.dataSource,
      kafka,
      topic: topics.get(eventTopic('enrolment'))!,
      name: 'enrolment-relay',
      logger: quiet,
    });
    const outcomes = new Map<string, ConsumerOutcome[]>();
    // The services' own consumers, as defined (handler, upcasters, batching), on this run's topics and groups.
    const running = consumers.map(({ consumer }) => {
      const seen: ConsumerOutcome[] = [];
      outcomes.set(consumer.options.name, seen);
      return new EventConsumer({
        ...consumer.options,
        topics: consumer.options.topics.map((t) => topics.get(t) ?? t),
        groupId: uniqueName(consumer.options.groupId),
        consumerConfig: { heartbeatInterval: 300, sessionTimeout: 10_000, maxWaitTimeInMs: 250 },
        backoff: { initialMs: 20, maxMs: 200 },
        logger: quiet,
        onProcessed: (o) => void seen.push(o),
      });
    });
    await relay.start();
    try {
      await Promise.all(running.map((c) => c.start()));
      for (const { runner } of projections) await runner.catchUp();
      await eventually(
        () => ([...outcomes.values()].every((o) => o.length >= STAFF.length) ? true : undefined),
        60_000,
      );
    } finally {
      await Promise.all(running.map((c) => c.stop()));
      await relay.stop();
    }

    for (const [name, seen] of outcomes)
      expect([name, seen.map((o) => o.result)]).toEqual([name, ['applied', 'applied']]);
    for (const { runner } of projections)
      expect(await runner.status()).toMatchObject({ position: 2, lastError: undefined });

    const expected = STAFF.map((s) => ({ nip: s.nip, opd: s.opd, service_unit: s.serviceUnit }));
    const rows = (s: Service, sql: string) => s.ctx.dataSource.query<typeof expected>(`${sql} order by nip`);
    const [assessment, feedback] = ['assessment', 'feedback'].map((n) => services.find((s) => s.name === n)!);
    expect(await rows(enrolment, 'select nip, opd, service_unit from staff_roster')).toEqual(expected);
    expect(await rows(assessment, 'select nip, opd, service_unit from staff_roster')).toEqual(expected);
    expect(await rows(feedback, 'select nip, opd, service_unit from fb_staff_assignment')).toEqual(expected);
  }, 120_000);
});
