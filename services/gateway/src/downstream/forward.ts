import { Injectable, StreamableFile } from '@nestjs/common';
import { currentTraceparent } from '@kompeten/tracing';
import type { Response } from 'express';
import { actorOf } from '../auth/principal';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { correlationIdOf } from '../correlation/correlation.middleware';
import { commandIdOf } from '../idempotency/command-id';
import { Downstream, DownstreamAnswer, ForwardOptions, ServiceClient } from './service-client';

const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A service's own problem answer (400/404/409 …), passed on unchanged through the gateway's filter. */
export class DownstreamProblem extends Error {
  constructor(private readonly answer: DownstreamAnswer) {
    super(`downstream answered ${answer.status}`);
  }
  problem() {
    const answered = this.answer.body;
    // JSON (an object) passes on as it is; a text answer becomes the title; nothing at all reads as 'Error'.
    const body =
      typeof answered === 'object' && answered !== null
        ? answered
        : { title: isPrimitive(answered) ? String(answered) : 'Error' };
    return { type: 'about:blank', title: 'Error', ...body, status: this.answer.status };
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
    options: Pick<ForwardOptions, 'body' | 'query'> = {},
  ): Promise<unknown> {
    const answer = await this.client.call(service, method, path, {
      ...options,
      caller: req.principal
        ? {
            actor: actorOf(req.principal),
            roles: req.principal.roles,
            unit: req.principal.unit,
            nip: req.principal.nip,
          }
        : { actor: 'anonymous', roles: [] },
      correlationId: correlationIdOf(req),
      headers: {
        'x-correlation-id': correlationIdOf(req),
        'if-match': req.header('if-match'),
        'x-command-id': commandIdOf(req), // from the Idempotency-Key: the service runs the command once
        // With tracing on, the fetch instrumentation sends the gateway's own span; otherwise pass the caller's on.
        traceparent: currentTraceparent() ? undefined : req.header('traceparent'),
      },
    });
    if (answer.status >= 400) throw new DownstreamProblem(answer);
    res.status(answer.status);
    if (answer.headers.etag) res.setHeader('ETag', answer.headers.etag);
    // A retry the service recognised (its own record of the command id): the client learns it ran once.
    if (answer.headers.replayed) res.setHeader('Idempotent-Replayed', answer.headers.replayed);
    if (answer.headers.reconstructed) res.setHeader('Idempotent-Reconstructed', answer.headers.reconstructed);
    // A text answer (CSV, an iCalendar feed) keeps the service's media type; JSON is Nest's default.
    const type = answer.headers.contentType;
    if (type?.startsWith('text/')) res.type(type);
    // A document (a PDF) goes on as its bytes, under the service's media type.
    if (answer.body instanceof Uint8Array)
      return new StreamableFile(answer.body, { type, length: answer.body.byteLength });
    return answer.body;
  }
}
