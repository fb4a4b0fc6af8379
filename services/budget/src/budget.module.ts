import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@kompeten/config';
import { eventTopic } from '@kompeten/contracts';
import { AuditHttpModule } from '@kompeten/audit';
import { Clock, PlatformModule, serviceRoutes, SystemClock } from '@kompeten/platform';
import { USE_CASES } from '@kompeten/api';
import { type BudgetConfig, DEFAULT_FUNDING_WINDOW_CHECK_MS } from './budget.config';
import { USE_CASE_HANDLERS } from './budget.use-cases';
import { budgetWorkers } from './budget.workers';
import { budgetMigrations } from './schema';

/**
 * The budget service: fiscal-year budgets per unit and funding source, allocations, commitments,
 * spending, the funds queue, funding by need. `clock` replaces the system clock (tests set the time of
 * day); a plain ServiceConfig gets BudgetConfig's defaults.
 */
@Module({})
export class BudgetModule {
  static register(config: ServiceConfig | BudgetConfig, options: { clock?: Clock } = {}): DynamicModule {
    const useCases = serviceRoutes('budget', USE_CASE_HANDLERS, USE_CASES);
    const clock = options.clock ?? new SystemClock();
    const checkMs =
      'BUDGET_FUNDING_WINDOW_CHECK_MS' in config
        ? config.BUDGET_FUNDING_WINDOW_CHECK_MS
        : DEFAULT_FUNDING_WINDOW_CHECK_MS;
    return {
      module: BudgetModule,
      imports: [
        PlatformModule.forService({
          service: 'budget',
          config,
          migrations: budgetMigrations,
          eventSourced: { topic: eventTopic('budget'), workers: (ctx) => budgetWorkers(ctx, clock, checkMs) },
        }),
        // The auditors' read-only view of this service's own log (GET /audit/…, behind the gateway's auditor role).
        AuditHttpModule.forService({ service: 'budget', databaseUrl: config.DATABASE_URL }),
      ],
      controllers: useCases.controllers,
      // This module's Clock shadows the platform's, so handlers and the funding-window worker read the same one.
      providers: [...useCases.providers, { provide: Clock, useValue: clock }],
    };
  }
}
