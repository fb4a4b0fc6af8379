import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { READINESS_CHECKS, ReadinessCheck, withTimeout } from './readiness-check';
import { SERVICE_IDENTITY, ServiceIdentity } from '../service-identity';

/**
 * `/health` is liveness (the process is up and its event loop turns): orchestrators restart on failure.
 * `/ready` is readiness (Postgres and Kafka answer): load balancers stop routing on failure.
 */
@Controller()
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok', service: this.identity.name, uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  async ready(@Res() res: Response) {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), 2000, c.name);
          return [c.name, { status: 'up' }] as const;
        } catch (e) {
          return [c.name, { status: 'down', reason: (e as Error).message }] as const;
        }
      }),
    );
    const ready = results.every(([, r]) => r.status === 'up');
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ready ? 'ready' : 'not ready',
      service: this.identity.name,
      checks: Object.fromEntries<{ status: 'up' | 'down'; reason?: string }>(results),
    });
  }
}
