import { DynamicModule, Module } from '@nestjs/common';
import { AuditDatabase } from './audit-database';
import { AuditController } from './audit.controller';
import { AUDIT_HTTP_OPTIONS, AuditHttpOptions } from './audit-http.options';

/**
 * `GET /audit/head`, `/audit/chain`, `/audit/events` in a service, over its own log:
 * `imports: [AuditHttpModule.forService({ service: 'enrolment', databaseUrl: config.DATABASE_URL })]`.
 */
@Module({})
export class AuditHttpModule {
  static forService(options: AuditHttpOptions): DynamicModule {
    return {
      module: AuditHttpModule,
      controllers: [AuditController],
      providers: [{ provide: AUDIT_HTTP_OPTIONS, useValue: options }, AuditDatabase],
    };
  }
}
