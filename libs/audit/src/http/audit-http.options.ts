import type { EventProducingService } from '@kompeten/contracts';

export const AUDIT_HTTP_OPTIONS = Symbol('AUDIT_HTTP_OPTIONS');

/** Connections the audit endpoints of one service may hold at once (requests beyond wait their turn). */
export const AUDIT_POOL_MAX = 4;

export interface AuditHttpOptions {
  service: EventProducingService;
  /** The service's own database (its DATABASE_URL): the endpoints read it with connections of their own. */
  databaseUrl: string;
  /** Cap of the endpoints' pool (default AUDIT_POOL_MAX), apart from the service's own pool so that auditors never starve commands. */
  poolMax?: number;
}
