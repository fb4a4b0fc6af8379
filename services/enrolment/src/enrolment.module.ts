import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { AuditHttpModule } from '@kompeten/audit';
import { PlatformModule, serviceRoutes } from '@kompeten/platform';
import { USE_CASES } from '@kompeten/api';
import { eventTopic } from '@kompeten/contracts';
import { USE_CASE_HANDLERS } from './enrolment.use-cases';
import { enrolmentWorkers } from './enrolment.workers';
import { enrolmentMigrations } from './schema';

/** The enrolment service: staff roster, programme catalogue, enrolments, attendance, completion, JP ledger. */
@Module({})
export class EnrolmentModule {
  static register(config: ServiceConfig): DynamicModule {
    const useCases = serviceRoutes('enrolment', USE_CASE_HANDLERS, USE_CASES);
    return {
      module: EnrolmentModule,
      imports: [
        PlatformModule.forService({
          service: 'enrolment',
          config,
          migrations: enrolmentMigrations,
          eventSourced: { topic: eventTopic('enrolment'), workers: enrolmentWorkers },
        }),
        // The auditors' read-only view of this service's own log (GET /audit/…, behind the gateway's auditor role).
        AuditHttpModule.forService({ service: 'enrolment', databaseUrl: config.DATABASE_URL }),
      ],
      controllers: useCases.controllers,
      providers: useCases.providers,
    };
  }
}
