import { DynamicModule, Module } from '@nestjs/common';
import { AuditHttpModule } from '@kompeten/audit';
import { eventTopic } from '@kompeten/contracts';
import { USE_CASES } from '@kompeten/api';
import { Clock, PlatformModule, serviceRoutes, SystemClock } from '@kompeten/platform';
import type { AssessmentConfig } from './assessment.config';
import { AssessmentPolicy } from './assessment.policy';
import { USE_CASE_HANDLERS } from './assessment.use-cases';
import { assessmentWorkers } from './assessment.workers';
import { assessmentMigrations } from './schema';

/**
 * The assessment service: competency dictionary, position standards, assessments (pre, post, on-the-job),
 * certifications with expiry, competency gaps. `clock` replaces the system clock (tests set the date).
 */
@Module({})
export class AssessmentModule {
  static register(config: AssessmentConfig, options: { clock?: Clock } = {}): DynamicModule {
    const policy = AssessmentPolicy.from(config);
    const clock = options.clock ?? new SystemClock();
    const useCases = serviceRoutes('assessment', USE_CASE_HANDLERS, USE_CASES);
    return {
      module: AssessmentModule,
      imports: [
        PlatformModule.forService({
          service: 'assessment',
          config,
          migrations: assessmentMigrations,
          eventSourced: {
            topic: eventTopic('assessment'),
            workers: (ctx) => assessmentWorkers(ctx, policy, clock, ctx.calendar),
          },
        }),
        // The auditors' read-only view of this service's own log (GET /audit/…, behind the gateway's auditor role).
        AuditHttpModule.forService({ service: 'assessment', databaseUrl: config.DATABASE_URL }),
      ],
      controllers: useCases.controllers,
      // This module's Clock shadows the platform's, so handlers and workers read the same one.
      providers: [
        ...useCases.providers,
        { provide: Clock, useValue: clock },
        { provide: AssessmentPolicy, useValue: policy },
      ],
    };
  }
}
