import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { eventTopic } from '@kompeten/contracts';
import { AuditHttpModule } from '@kompeten/audit';
import { Clock, PlatformModule, serviceRoutes } from '@kompeten/platform';
import { USE_CASES } from '@kompeten/api';
import { USE_CASE_HANDLERS } from './budget.use-cases';
import { budgetWorkers } from './budget.workers';
import { budgetMigrations } from './schema';

/**
 * The budget service: fiscal-year budgets per unit and funding source, allocations, commitments,
 * spending, the funds queue. `clock` replaces the system clock (tests set the time of day).
 */
@Module({})
export class BudgetModule {
  static register(config: ServiceConfig, options: { clock?: Clock } = {}): DynamicModule {
    const useCases = serviceRoutes('budget', USE_CASE_HANDLERS, USE_CASES);
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
      controllers: useCases.controllers,
      // A given Clock shadows the platform's, so every handler reads the same one.
      providers: options.clock
        ? [...useCases.providers, { provide: Clock, useValue: options.clock }]
        : useCases.providers,
    };
  }
}
