import type { EventProducingService } from '@kompeten/contracts';

export const AUDIT_HTTP_OPTIONS = Symbol('AUDIT_HTTP_OPTIONS');

export interface AuditHttpOptions {
  service: EventProducingService;
  /** The service's own database (its DATABASE_URL): the endpoints read it with connections of their own. */
  databaseUrl: string;
}
