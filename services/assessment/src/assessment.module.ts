import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';

/** The assessment service: wiring only; use cases live in their own folders beside this file. */
@Module({})
export class AssessmentModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: AssessmentModule,
      imports: [PlatformModule.forService({ service: 'assessment', config, eventSourced: {} })],
    };
  }
}
