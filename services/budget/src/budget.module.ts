import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { eventTopic } from '@kompeten/contracts';
import { AuditHttpModule } from '@kompeten/audit';
import { PlatformModule } from '@kompeten/platform';
import { COMMAND_CONTROLLERS, COMMAND_HANDLERS, QUERY_CONTROLLERS, QUERY_HANDLERS } from './budget.use-cases';
import { budgetWorkers } from './budget.workers';
import { budgetMigrations } from './schema';

/** The budget service: fiscal-year budgets per unit and funding source, allocations, commitments, spending. */
@Module({})
export class BudgetModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: BudgetModule,
      imports: [
        PlatformModule.forService({
          service: 'budget',
          config,
          migrations: budgetMigrations,
          eventSourced: { topic: eventTopic('budget'), workers: budgetWorkers },
        }),
        // The auditors' read-only view of this service's own log (GET /audit/…, behind the gateway's auditor role).
        AuditHttpModule.forService({ service: 'budget', databaseUrl: config.DATABASE_URL }),
      ],
      controllers: [...COMMAND_CONTROLLERS, ...QUERY_CONTROLLERS],
      providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
    };
  }
}
