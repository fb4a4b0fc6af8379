import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EventMetadata } from '@kompeten/event-store';

/**
 * Who is asking and in which conversation, from the headers the gateway sets after authenticating:
 * `x-actor`, `x-correlation-id` (generated when absent), `x-causation-id`, `traceparent`.
 * A service is reached only through the gateway (or by an operator), so it trusts these headers.
 */
export function metadataFrom(req: Pick<Request, 'header'>): EventMetadata {
  const traceparent = req.header('traceparent');
  return {
    actor: req.header('x-actor') ?? 'anonymous',
    correlationId: req.header('x-correlation-id') ?? randomUUID(),
    causationId: req.header('x-causation-id') ?? null,
    ...(traceparent ? { traceparent } : {}),
  };
}

/** Controller parameter: the EventMetadata of this request. */
export const CommandMetadata = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  metadataFrom(ctx.switchToHttp().getRequest<Request>()),
);

/** Reads `If-Match: "<version>"` (or a bare number) as an expected stream version. */
export function expectedVersionFrom(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  const v = Number(ifMatch.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isInteger(v) || v < 0) {
    throw Object.assign(new Error('If-Match must be a stream version'), {
      problem: () => ({
        type: 'https://kompeten.bukittinggi.go.id/problems/validation',
        title: 'The request is not valid',
        status: 400,
        detail: 'If-Match: must be a stream version such as "3"',
        errors: [{ field: 'If-Match', message: 'must be a stream version such as "3"' }],
      }),
    });
  }
  return v;
}
