import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';

/** The enrolment service: wiring only; use cases live in their own folders beside this file. */
@Module({})
export class EnrolmentModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: EnrolmentModule,
      imports: [PlatformModule.forService({ service: 'enrolment', config, eventSourced: {} })],
    };
  }
}
