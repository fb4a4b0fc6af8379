import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { AUDIT_HTTP_OPTIONS, AUDIT_POOL_MAX, AuditHttpOptions } from './audit-http.options';

/**
 * The audit endpoints' one pool per service, capped. A connection per request (as before) let a
 * burst of auditors' calls — or one auditor's script — open as many Postgres backends as it sent
 * requests, against the server's max_connections that the services' own pools share. Apart from the
 * service's TypeORM pool, so that a long chain window never holds a connection a command needs.
 */
@Injectable()
export class AuditDatabase implements OnModuleDestroy {
  readonly pool: Pool;

  constructor(@Inject(AUDIT_HTTP_OPTIONS) options: AuditHttpOptions) {
    this.pool = new Pool({
      connectionString: options.databaseUrl,
      application_name: `kompeten-audit-http:${options.service}`,
      max: options.poolMax ?? AUDIT_POOL_MAX,
      // Audits come in bursts: give the backends back to the server soon after one.
      idleTimeoutMillis: 10_000,
      // A request waiting its turn longer than this fails, rather than queueing for ever.
      connectionTimeoutMillis: 15_000,
    });
    // An idle connection the server closed (restart, terminate): the pool drops it; nothing to do.
    this.pool.on('error', () => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
