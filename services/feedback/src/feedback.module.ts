import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { currentVersions, eventTopic, FEEDBACK_EVENTS } from '@kompeten/contracts';
import { UpcasterRegistry } from '@kompeten/event-store';
import { AuditHttpModule } from '@kompeten/audit';
import { PlatformModule } from '@kompeten/platform';
import {
  COMMAND_CONTROLLERS,
  COMMAND_HANDLERS,
  QUERY_CONTROLLERS,
  QUERY_HANDLERS,
  READERS,
} from './feedback.use-cases';
import { feedbackWorkers } from './feedback.workers';
import { CreateTrainingHistory1733100000000 } from './training-history/1733100000000-create-training-history';

/** The feedback service: service units, SKM responses, IKM per unit and period, and the correlation read model. */
@Module({})
export class FeedbackModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FeedbackModule,
      imports: [
        PlatformModule.forService({
          service: 'feedback',
          config,
          migrations: [CreateTrainingHistory1733100000000],
          eventSourced: {
            topic: eventTopic('feedback'),
            upcasters: new UpcasterRegistry(currentVersions(FEEDBACK_EVENTS)),
            workers: feedbackWorkers,
          },
        }),
        // The auditors' read-only view of this service's own log (GET /audit/…, behind the gateway's auditor role).
        AuditHttpModule.forService({ service: 'feedback', databaseUrl: config.DATABASE_URL }),
      ],
      controllers: [...COMMAND_CONTROLLERS, ...QUERY_CONTROLLERS],
      providers: [...COMMAND_HANDLERS, ...QUERY_HANDLERS, ...READERS],
    };
  }
}
