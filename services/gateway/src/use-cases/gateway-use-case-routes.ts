import { SetMetadata, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';
import { fillPath, isCommand, type UseCase } from '@kompeten/api';
import { useCaseController, type RouteInput } from '@kompeten/platform';
import { ACCESS } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { assertMayRead, scopedOpd } from '../auth/scope';
import { Forward } from '../downstream/forward';
import type { QueryValue } from '../downstream/service-client';
import { PUBLIC_SURVEY } from '../rate-limit.guard';
import { GatewayHooks } from './gateway-hooks';

/** `a.b.c` of an answer, or undefined. */
function at(answer: unknown, path: string | undefined): string | undefined {
  if (!path) return undefined;
  const value = path
    .split('.')
    .reduce<unknown>(
      (o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined),
      answer,
    );
  return typeof value === 'string' ? value : undefined;
}

/** The headers that make retries and concurrent edits safe, documented on every command. */
function commandHeaders(u: UseCase) {
  if (!isCommand(u)) return [];
  return [
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (8–200 chars); a retry with the same key returns the first answer and changes nothing',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Written into every event this request causes; created when absent',
    }),
    ...(u.ifMatch
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The version (ETag) you last saw; 409 if it changed since',
          }),
        ]
      : []),
  ];
}

/** What a forward of this use case sends: its service route, the validated body and query (scoped). */
export function forwardOf(forward: Forward, u: UseCase, { params, body, query, req, res }: RouteInput) {
  const target = u.forwardsTo ?? u;
  const request = req as AuthenticatedRequest;
  return () => {
    // Read at call time: a hook may have adjusted the query first.
    const q = query ? { ...(query as Record<string, QueryValue>) } : undefined;
    // A unit-head's list queries are about their own OPD when they name none.
    if (q && u.access.unitQuery) q.opd = scopedOpd(request.principal, q.opd as string | undefined);
    return forward.to(target.service, target.method, fillPath(target.path, params), request, res, {
      ...(target.method === 'POST' ? { body: body ?? {} } : {}),
      ...(q ? { query: q } : {}),
    });
  };
}

/**
 * The gateway's public routes, one per published use case: `/api/v1` + its path, its access rule
 * (enforced by the AuthGuard), its OpenAPI operation, then a forward to the owning service. A
 * few use cases shape or compose the answer (GatewayHooks); the rest are pure forwarding.
 */
export function gatewayUseCaseRoutes(useCases: readonly UseCase[]): Type {
  const published = useCases.filter((u) => !u.internal);
  return useCaseController(
    'GatewayUseCases',
    published.map((u) => ({
      useCase: u,
      path: `/api/v1${u.path}`,
      extraProblems: u.access.public ? [429, 503] : [401, 403, 429, 503],
      decorators: [
        SetMetadata(ACCESS, u.access),
        ...(u.rateLimit === 'public-survey' ? [SetMetadata(PUBLIC_SURVEY, true)] : []),
        ...(u.access.public ? [] : [ApiBearerAuth()]),
        ...commandHeaders(u),
      ],
      async invoke(deps, input) {
        const [forward, hooks] = deps as [Forward, GatewayHooks];
        const call = forwardOf(forward, u, input);
        const hook = hooks.for(u);
        const answer = hook ? await hook(input, call) : await call();
        const owner = u.access.owner;
        if (owner)
          assertMayRead((input.req as AuthenticatedRequest).principal, {
            opd: at(answer, owner.opd),
            nip: at(answer, owner.nip),
          });
        return answer;
      },
    })),
    [Forward, GatewayHooks],
  );
}
