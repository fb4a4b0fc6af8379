import { Injectable } from '@nestjs/common';
import { currentTraceparent } from '@kompeten/tracing';
import type { Response } from 'express';
import { actorOf } from '../auth/principal';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { correlationIdOf } from '../correlation/correlation.middleware';
import { Downstream, DownstreamAnswer, ServiceClient } from './service-client';

/** A service's own problem answer (400/404/409 …), passed on unchanged through the gateway's filter. */
export class DownstreamProblem extends Error {
  constructor(private readonly answer: DownstreamAnswer) {
    super(`downstream answered ${answer.status}`);
  }
  problem() {
    const body = (typeof this.answer.body === 'object' && this.answer.body) || {
      title: String(this.answer.body ?? 'Error'),
    };
    return { type: 'about:blank', title: 'Error', ...(body as object), status: this.answer.status };
  }
}

/** Forwards a validated request to the owning service, as the caller, in the caller's correlation. */
@Injectable()
export class Forward {
  constructor(private readonly client: ServiceClient) {}

  async to(
    service: Downstream,
    method: string,
    path: string,
    req: AuthenticatedRequest,
    res: Response,
    options: { body?: unknown; query?: Record<string, unknown> } = {},
  ): Promise<unknown> {
    const answer = await this.client.call(service, method, path, {
      ...options,
      headers: {
        'x-actor': req.principal ? actorOf(req.principal) : 'anonymous',
        'x-correlation-id': correlationIdOf(req),
        'if-match': req.header('if-match'),
        // With tracing on, the fetch instrumentation sends the gateway's own span; otherwise pass the caller's on.
        traceparent: currentTraceparent() ? undefined : req.header('traceparent'),
      },
    });
    if (answer.status >= 400) throw new DownstreamProblem(answer);
    res.status(answer.status);
    if (answer.headers.etag) res.setHeader('ETag', answer.headers.etag);
    if (answer.headers.contentType?.startsWith('text/csv')) res.type('text/csv');
    return answer.body;
  }
}
