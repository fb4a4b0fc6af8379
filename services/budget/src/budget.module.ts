import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';

/** The budget service: wiring only; use cases live in their own folders beside this file. */
@Module({})
export class BudgetModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: BudgetModule,
      imports: [PlatformModule.forService({ service: 'budget', config, eventSourced: {} })],
    };
  }
}
