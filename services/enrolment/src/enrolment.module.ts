import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';
import { eventTopic } from '@kompeten/contracts';
import { COMMAND_CONTROLLERS, COMMAND_HANDLERS, QUERY_CONTROLLERS, QUERY_HANDLERS } from './enrolment.use-cases';
import { enrolmentWorkers } from './enrolment.workers';

/** The enrolment service: staff roster, programme catalogue, enrolments, attendance, completion, JP ledger. */
@Module({})
export class EnrolmentModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: EnrolmentModule,
      imports: [PlatformModule.forService({ service: 'enrolment', config, eventSourced: { topic: eventTopic('enrolment'), workers: enrolmentWorkers } })],
      controllers: [...COMMAND_CONTROLLERS, ...QUERY_CONTROLLERS],
      providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS],
    };
  }
}
