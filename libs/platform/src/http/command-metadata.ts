import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EventMetadata } from '@kompeten/event-store';
import { commandIdFrom } from './command-dedup';
import type { InternalIdentity } from '../identity/internal-identity';

/**
 * Who is asking and in which conversation. The actor and the correlation id come from the identity
 * the gateway signed (IdentityGuard verified it before any handler runs); nothing a caller merely
 * claims in a header is written into the log as its actor. `x-causation-id` and `traceparent` only
 * link the conversation.
 */
export function metadataFrom(req: Pick<Request, 'header'> & { identity?: InternalIdentity }): EventMetadata {
  const traceparent = req.header('traceparent');
  const commandId = commandIdFrom(req);
  return {
    actor: req.identity?.actor ?? 'anonymous',
    correlationId: req.identity?.correlationId ?? req.header('x-correlation-id') ?? randomUUID(),
    causationId: req.header('x-causation-id') ?? null,
    ...(traceparent ? { traceparent } : {}),
    // The gateway's id of a retry-safe command (command-dedup.ts): its events carry it.
    ...(commandId ? { commandId } : {}),
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
