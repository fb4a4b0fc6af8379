import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Dictionary, openApiSchema, StringEnum, Type } from '@kompeten/api';
import { READINESS_CHECKS, ReadinessCheck, withTimeout } from './readiness-check';
import { SERVICE_IDENTITY, ServiceIdentity } from '../service-identity';

/**
 * `/health` is liveness (the process is up and its event loop turns): orchestrators restart on failure.
 * `/ready` is readiness (Postgres and Kafka answer): load balancers stop routing on failure.
 */
const ReadySchema = openApiSchema(
  Type.Object({
    status: StringEnum(['ready', 'not ready']),
    service: Type.String(),
    checks: Dictionary(Type.Object({ status: StringEnum(['up', 'down']), reason: Type.Optional(Type.String()) })),
  }),
);

@Controller()
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
  ) {}

  @Get('health')
  @ApiOkResponse({
    description: 'The process is up',
    schema: openApiSchema(
      Type.Object({ status: StringEnum(['ok']), service: Type.String(), uptimeSeconds: Type.Integer() }),
    ),
  })
  health() {
    return { status: 'ok', service: this.identity.name, uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Postgres and Kafka answer', schema: ReadySchema })
  @ApiResponse({
    status: 503,
    description: 'A dependency does not answer (which, and why, in `checks`)',
    schema: ReadySchema,
  })
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
