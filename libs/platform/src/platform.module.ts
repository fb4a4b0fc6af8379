import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfig } from '@kompeten/config';
import { DataSource, MigrationInterface } from 'typeorm';
import { HealthController } from './health/health.controller';
import { READINESS_CHECKS } from './health/readiness-check';
import { KafkaClient } from './kafka/kafka.provider';
import { PostgresReadiness } from './database/postgres-readiness';
import { runMigrations } from './database/run-migrations';
import { SERVICE_IDENTITY } from './service-identity';
import { Clock, SystemClock } from './clock';
import { CityCalendar } from '@kompeten/domain';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { IdentityGuard } from './identity/identity.guard';
import { IdentityVerifier } from './identity/identity-verifier';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetricsInterceptor } from './metrics/http-metrics.interceptor';
import { MetricsController } from './metrics/metrics.controller';
import { registerServiceMetrics } from './metrics/service-metrics';
import { loggingModule } from './logging';
import { stopTracing } from '@kompeten/tracing';
import { ProjectionsController } from './admin/projections.controller';
import { ErasuresController } from './admin/erasures.controller';
import { keyEncryptionKeysFor, PersonalKeysOnBoot } from './admin/personal-data-keys';
import {
  contractUpcasters,
  EventStore,
  eventStoreMigrations,
  PostgresKeyStore,
  UpcasterRegistry,
} from '@kompeten/event-store';
import {
  MESSAGING_WORKERS,
  MessagingLifecycle,
  messagingMigrations,
  MessagingWorker,
  OutboxRelay,
} from '@kompeten/messaging';
import type { Kafka } from 'kafkajs';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface PlatformOptions {
  /** The service's name: gateway, enrolment, assessment, budget or feedback. */
  service: string;
  config: ServiceConfig;
  /** TypeORM entities of the service (read models, processed-message records, …): their classes. */
  entities?: (abstract new (...args: never[]) => object)[];
  /** TypeORM migrations, in order; the only way the schema changes. */
  migrations?: (new () => MigrationInterface)[];
  /**
   * The service keeps an event store (every service but the gateway): its tables are migrated
   * first, and EventStore and PostgresKeyStore become injectable.
   */
  eventSourced?: {
    /** The service's own event topic: an outbox relay publishes every committed event there. */
    topic?: string;
    /** Projections and consumers of this service, started after boot and stopped before shutdown. */
    workers?: (ctx: WorkerContext) => MessagingWorker[];
  };
}

/** What a service's workers are built from. */
export interface WorkerContext {
  dataSource: DataSource;
  /** The service's store, opening its events with `upcasters` (projection runners read through it). */
  store: EventStore;
  keys: PostgresKeyStore;
  kafka: Kafka;
  service: string;
  /** Every contract's upcasters (libs/contracts): give them to each EventConsumer. */
  upcasters: UpcasterRegistry;
  /** The city's calendar (CITY_TIME_ZONE): dates a worker derives from an event's instant are the city's. */
  calendar: CityCalendar;
}

@Injectable()
class MigrateOnBoot implements OnModuleInit {
  private readonly log = new Logger('Migrations');
  constructor(private readonly dataSource: DataSource) {}
  async onModuleInit() {
    const applied = await runMigrations(this.dataSource);
    if (applied.length) this.log.log(`applied ${applied.map((m) => m.name).join(', ')}`);
  }
}

/** Says when a shutdown finished, so operators (and tests) can tell a clean stop from a kill. */
@Injectable()
class ShutdownLog implements OnApplicationShutdown {
  async onApplicationShutdown(signal?: string) {
    await stopTracing(); // flush the last spans
    new Logger('Shutdown').log(`stopped cleanly${signal ? ` after ${signal}` : ''}`);
  }
}

/**
 * What every service stands on: validated config, its own Postgres database (migrated on boot),
 * a Kafka client, the CQRS buses, and `/health` + `/ready`.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { service, config, eventSourced } = options;
    const migrations = [
      ...(eventSourced ? [...eventStoreMigrations, ...messagingMigrations] : []),
      ...(options.migrations ?? []),
    ];
    // One registry for the store and every worker: each event contract's upcasters, no per-service list to forget.
    const upcasters = contractUpcasters();
    const calendar = new CityCalendar(config.CITY_TIME_ZONE);
    const eventStoreProviders = eventSourced
      ? [
          {
            provide: PostgresKeyStore,
            useFactory: (ds: DataSource) => new PostgresKeyStore(ds, keyEncryptionKeysFor(config, service)),
            inject: [DataSource],
          },
          PersonalKeysOnBoot,
          {
            provide: EventStore,
            useFactory: (ds: DataSource, keys: PostgresKeyStore) => new EventStore(ds, { keys, upcasters }),
            inject: [DataSource, PostgresKeyStore],
          },
          {
            provide: MESSAGING_WORKERS,
            useFactory: (
              dataSource: DataSource,
              store: EventStore,
              keys: PostgresKeyStore,
              client: KafkaClient,
            ): MessagingWorker[] => {
              const ctx = { dataSource, store, keys, kafka: client.kafka, service, upcasters, calendar };
              const relay = eventSourced.topic
                ? [
                    new OutboxRelay({
                      dataSource,
                      kafka: client.kafka,
                      topic: eventSourced.topic,
                      name: `${service}-relay`,
                      maxBatchBytes: config.RELAY_MAX_BATCH_BYTES,
                    }),
                  ]
                : [];
              return [...relay, ...(eventSourced.workers?.(ctx) ?? [])];
            },
            inject: [DataSource, EventStore, PostgresKeyStore, KafkaClient],
          },
          MessagingLifecycle,
        ]
      : [];
    return {
      module: PlatformModule,
      global: true,
      imports: [
        loggingModule(service, config),
        CqrsModule.forRoot(),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          entities: options.entities ?? [],
          migrations,
          migrationsRun: false,
          synchronize: false,
          applicationName: `kompeten-${service}`,
          // DATABASE_POOL_MAX: the test suite runs many services in one process against one server, so it uses smaller pools.
          extra: { max: Number(process.env.DATABASE_POOL_MAX ?? 10), connectionTimeoutMillis: 5000 },
          retryAttempts: 20,
          retryDelay: 1000,
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        ...(eventSourced ? [ProjectionsController, ErasuresController] : []),
      ],
      providers: [
        { provide: SERVICE_IDENTITY, useValue: { name: service } },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: KafkaClient, useFactory: () => new KafkaClient(config.kafkaBrokers, `kompeten-${service}`) },
        PostgresReadiness,
        MigrateOnBoot,
        { provide: Clock, useClass: SystemClock },
        { provide: CityCalendar, useValue: calendar },
        {
          provide: Registry,
          useFactory: (dataSource: DataSource, client: KafkaClient, workers: MessagingWorker[] | undefined) => {
            const registry = new Registry();
            registry.setDefaultLabels({ service });
            collectDefaultMetrics({ register: registry });
            registerServiceMetrics(registry, dataSource, client.kafka, workers ?? [], Boolean(eventSourced));
            return registry;
          },
          inject: [DataSource, KafkaClient, { token: MESSAGING_WORKERS, optional: true }],
        },
        {
          provide: APP_INTERCEPTOR,
          useFactory: (registry: Registry) => new HttpMetricsInterceptor(registry),
          inject: [Registry],
        },
        ShutdownLog,
        ...eventStoreProviders,
        // Every service but the gateway answers only calls the gateway signed (identity/identity.guard.ts).
        ...(service === 'gateway'
          ? []
          : [
              {
                provide: IdentityVerifier,
                useFactory: () => new IdentityVerifier(config.INTERNAL_IDENTITY_JWKS as string, service),
              },
              { provide: APP_GUARD, useClass: IdentityGuard },
            ]),
        {
          provide: READINESS_CHECKS,
          useFactory: (pg: PostgresReadiness, kafka: KafkaClient) => [pg, kafka],
          inject: [PostgresReadiness, KafkaClient],
        },
      ],
      exports: [
        SERVICE_IDENTITY,
        SERVICE_CONFIG,
        KafkaClient,
        Clock,
        CityCalendar,
        Registry,
        CqrsModule,
        TypeOrmModule,
        ...(eventSourced ? [EventStore, PostgresKeyStore] : []),
      ],
    };
  }
}

/** Injects the service's validated configuration. */
export const InjectConfig = () => Inject(SERVICE_CONFIG);
