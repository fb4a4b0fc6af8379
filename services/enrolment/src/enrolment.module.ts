import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';
import { COMMAND_CONTROLLERS, COMMAND_HANDLERS } from './enrolment.use-cases';

/** The enrolment service: staff roster, programme catalogue, enrolments, attendance, completion, JP ledger. */
@Module({})
export class EnrolmentModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: EnrolmentModule,
      imports: [PlatformModule.forService({ service: 'enrolment', config, eventSourced: {} })],
      controllers: [...COMMAND_CONTROLLERS],
      providers: [...COMMAND_HANDLERS],
    };
  }
}
