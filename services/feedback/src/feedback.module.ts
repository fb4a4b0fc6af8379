import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';

/** The feedback service: wiring only; use cases live in their own folders beside this file. */
@Module({})
export class FeedbackModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FeedbackModule,
      imports: [PlatformModule.forService({ service: 'feedback', config, eventSourced: {} })],
    };
  }
}
