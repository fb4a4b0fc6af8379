import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@kompeten/config';
import { eventTopic } from '@kompeten/contracts';
import { AuditHttpModule } from '@kompeten/audit';
import { USE_CASES } from '@kompeten/api';
import { PlatformModule, serviceRoutes } from '@kompeten/platform';
import { CorrelationReportBuilder } from './correlation/correlation-report.builder';
import { UnitPeriodFactsReader } from './correlation/unit-period-facts.reader';
import { USE_CASE_HANDLERS } from './feedback.use-cases';
import { feedbackWorkers } from './feedback.workers';
import { CreateTrainingHistory1733100000000 } from './training-history/1733100000000-create-training-history';
import { CreateExternalLearningCredit1768200000000 } from './training-history/1768200000000-create-external-learning-credit';

/** The feedback service: service units, SKM responses, IKM per unit and period, and the correlation read model. */
@Module({})
export class FeedbackModule {
  static register(config: ServiceConfig): DynamicModule {
    const useCases = serviceRoutes('feedback', USE_CASE_HANDLERS, USE_CASES);
    return {
      module: FeedbackModule,
      imports: [
        PlatformModule.forService({
          service: 'feedback',
          config,
          migrations: [CreateTrainingHistory1733100000000, CreateExternalLearningCredit1768200000000],
          eventSourced: {
            topic: eventTopic('feedback'),
            // The consumers date spending by the city's calendar, as the handlers do (CITY_TIME_ZONE).
            workers: (ctx) => feedbackWorkers(ctx, ctx.calendar),
          },
        }),
        // The auditors' read-only view of this service's own log (GET /audit/…, behind the gateway's auditor role).
        AuditHttpModule.forService({ service: 'feedback', databaseUrl: config.DATABASE_URL }),
      ],
      controllers: useCases.controllers,
      // What the query handlers read through: the correlation read model's rows and the report built on them.
      providers: [...useCases.providers, UnitPeriodFactsReader, CorrelationReportBuilder],
    };
  }
}
