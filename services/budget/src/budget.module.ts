import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { eventTopic } from '@kompeten/contracts';
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
      imports: [PlatformModule.forService({
        service: 'budget', config, migrations: budgetMigrations, eventSourced: { topic: eventTopic('budget'), workers: budgetWorkers },
      })],
      controllers: [...COMMAND_CONTROLLERS, ...QUERY_CONTROLLERS],
      providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
    };
  }
}
