import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { Response } from 'express';
import type { ResponseOf, UseCase } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import type { ProblemDetails, UseCaseHandler, UseCaseRequest } from '@kompeten/platform';

// @kompeten/api and @kompeten/platform (Nest, Swagger, class-validator: some 17 MB of heap) are
// loaded when a figure is first run, not with the audit tool: verify, export and replay stream in a
// small heap (test/audit/streaming.int-spec.ts runs them with 64 MB), and only figures need them.
const api = () => import('@kompeten/api');
const platform = () => import('@kompeten/platform');

/** A query as an auditor gives it: the path parameters and the query string, raw (strings, as over HTTP). */
export interface RawQuery {
  /** Each `:param` of the use case's path. */
  params: Record<string, string | undefined>;
  /** The query string, before validation. */
  query?: Record<string, unknown>;
}

/**
 * Runs a service's handler of a query use case as the service's generated route does (libs/platform,
 * `serviceRoutes`): the path parameters checked by the declared rules, the query string whitelisted,
 * validated and transformed by the use case's own query class through the app's ValidationPipe, and
 * then `handle`. It refuses what the route refuses, with the same errors (a 400 naming each wrong
 * parameter; the handler's DomainErrors). Queries only: a command would append to the live log.
 *
 * The handler gets no HTTP response object: a handler that reaches for one (say, for CSV) fails.
 */
export async function runQueryUseCase<U extends UseCase>(
  useCase: U,
  handler: UseCaseHandler<U>,
  raw: RawQuery,
): Promise<ResponseOf<U>> {
  const [{ isCommand, pathParams }, { checkedParams, validationPipe }] = await Promise.all([api(), platform()]);
  if (isCommand(useCase)) throw new Error(`${useCase.name} is a command: an audit runs queries only`);
  for (const name of pathParams(useCase.path))
    if (!raw.params[name]) throw DomainError.invalid(name, `is required (the :${name} of ${useCase.path})`);
  const params = checkedParams(useCase, raw.params as Record<string, string>);
  const query: unknown = useCase.query
    ? await validationPipe().transform({ ...raw.query }, { type: 'query', metatype: useCase.query, data: undefined })
    : undefined;
  // The request serviceRoutes builds from the HTTP request (its parts are typed by the use case there too).
  const request = {
    params,
    body: undefined,
    query,
    metadata: { actor: 'audit', correlationId: randomUUID(), causationId: null },
    res: noResponse(useCase),
  } as UseCaseRequest<U>;
  return handler.handle(request);
}

/** The problem+json the service would answer for an error, or undefined for one that is no answer (a bug, the database). */
export async function serviceRefusal(error: unknown): Promise<ProblemDetails | undefined> {
  if (!(error instanceof DomainError) && !(error instanceof HttpException)) return undefined;
  const { toProblem } = await platform();
  return toProblem(error);
}

/** Stands in for the HTTP response: an audit takes the JSON answer, so any use of it is a mistake, named. */
function noResponse(useCase: UseCase): Response {
  return new Proxy({} as Response, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key === 'then') return Reflect.get(target, key, receiver) as unknown;
      throw new Error(`${useCase.name}: an audit takes the JSON answer, but the handler used res.${key}`);
    },
  });
}
