import { BadRequestException, Body, Controller, Get, HttpCode, Post, Query, Req, Res, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  openApiSchema,
  ProblemDetailsDto,
  pathParams,
  successStatus,
  type ParamRule,
  type UseCase,
} from '@kompeten/api';

/** What a generated route hands to whoever serves the use case. */
export interface RouteInput {
  params: Record<string, string>;
  body: unknown;
  query: unknown;
  req: Request;
  res: Response;
}

/** One route of a generated controller. */
export interface RouteSpec {
  useCase: UseCase;
  /** The Express path (`/api/v1/staff/:nip` at the gateway, `/staff/:nip` at the service). */
  path: string;
  /** Error statuses to document besides the declared ones (e.g. the gateway's 401/403/429/503). */
  extraProblems?: number[];
  /** More decorators (access rule, headers, rate limit, security). */
  decorators?: MethodDecorator[];
  /** The method body: `self` is the controller instance with its injected dependencies. */
  invoke(deps: unknown[], input: RouteInput): Promise<unknown>;
}

const MEANING: Record<number, string> = {
  400: 'Invalid input; `errors` names each field and the reason. Nothing was changed.',
  401: 'No valid bearer token.',
  403: 'Your role or scope does not allow this.',
  404: 'Unknown resource.',
  409: 'Conflict with the current state (stale If-Match, already done, wrong state; `currentState` says which).',
  410: 'The personal data was erased.',
  422: 'The Idempotency-Key was used for a different request.',
  429: 'Too many requests; see Retry-After.',
  502: 'A service failed.',
  503: 'A service is unavailable; retry after Retry-After seconds.',
};

/** A problem+json answer in the document. */
export const problemResponse = (status: number) =>
  ApiResponse({
    status,
    description: MEANING[status] ?? `HTTP ${status}`,
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  });

/** Path parameters checked by their declared rules: a 400 naming each wrong one, before anything runs. */
export function checkedParams(useCase: UseCase, raw: Record<string, string>): Record<string, string> {
  const names = pathParams(useCase.path);
  const errors = names.flatMap((name) => {
    const reason = useCase.params[name]?.check(raw[name] ?? '');
    return reason === undefined ? [] : [{ field: name, message: reason }];
  });
  if (errors.length) throw new BadRequestException({ errors });
  return Object.fromEntries(names.map((name) => [name, raw[name]]));
}

/** The 2xx answer in the document: the declared schema, as JSON or as the text it produces (and CSV where offered). */
function successResponse(useCase: UseCase) {
  const json = { schema: openApiSchema(useCase.response) };
  const content: Record<string, { schema: object }> = { [useCase.produces ?? 'application/json']: json };
  if (useCase.csv) content['text/csv'] = { schema: { type: 'string', description: 'RFC 4180 CSV with a header row' } };
  const responses = [ApiResponse({ status: successStatus(useCase), description: useCase.summary, content })];
  if (useCase.alsoOk) responses.push(ApiResponse({ status: 200, description: useCase.alsoOk, content }));
  return responses;
}

/**
 * A Nest controller class made from declarations — one method per use case, with its route, its
 * OpenAPI operation (operation id = the use case's name) and the validation of its body and query
 * by their class-validator classes (through the app's global ValidationPipe, which reads the
 * parameter types we record here as TypeScript would have).
 */
export function useCaseController(name: string, routes: RouteSpec[], deps: Type[] = []): Type {
  const controller = {
    [name]: class {
      [method: string]: unknown;
      readonly deps: unknown[];
      constructor(...injected: unknown[]) {
        this.deps = injected;
      }
    },
  }[name];
  Reflect.defineMetadata('design:paramtypes', deps, controller);
  const proto: Record<string, unknown> = controller.prototype;

  for (const route of routes) {
    const u = route.useCase;
    const key = u.name;
    if (key in proto) throw new Error(`use case ${key} is served twice by ${name}`);
    // Parameter order: req, res, then body and query when declared (after req and res: 2 and 3, or 2).
    const bodyAt = u.body ? 2 : undefined;
    const queryAt = u.query ? (u.body ? 3 : 2) : undefined;
    // Named after the use case: @nestjs/swagger finds a method's parameters by its function name.
    proto[key] = {
      [key](this: { deps: unknown[] }, ...args: unknown[]) {
        const [req, res] = args as [Request, Response];
        return route.invoke(this.deps, {
          params: checkedParams(u, req.params as Record<string, string>),
          body: bodyAt && args[bodyAt],
          query: queryAt && args[queryAt],
          req,
          res,
        });
      },
    }[key];
    Reflect.defineMetadata('design:paramtypes', [Object, Object, ...[u.body, u.query].filter(Boolean)], proto, key);
    Req()(proto, key, 0);
    Res({ passthrough: true })(proto, key, 1);
    if (bodyAt) Body()(proto, key, bodyAt);
    if (queryAt) Query()(proto, key, queryAt);

    const problems = [...new Set([...(route.extraProblems ?? []), ...u.problems])].sort();
    const decorators: MethodDecorator[] = [
      (u.method === 'GET' ? Get : Post)(route.path),
      HttpCode(successStatus(u)),
      ApiTags(u.tag),
      ApiOperation({ summary: u.summary, operationId: u.name }),
      ...pathParams(u.path).map((p) => {
        const rule = u.params[p] as ParamRule | undefined;
        return ApiParam({
          name: p,
          required: true,
          description: rule?.description,
          schema: { type: 'string', ...(rule?.pattern ? { pattern: rule.pattern } : {}), example: rule?.example },
        });
      }),
      ...successResponse(u),
      ApiExtraModels(ProblemDetailsDto),
      ...problems.map(problemResponse),
      ...(route.decorators ?? []),
    ];
    const descriptor = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
    Object.defineProperty(proto, key, Reflect.decorate(decorators, proto, key, descriptor) ?? descriptor);
  }
  Controller()(controller);
  return controller;
}
