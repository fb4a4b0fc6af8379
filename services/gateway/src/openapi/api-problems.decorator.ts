import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@kompeten/api';

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

const problem = (status: number) =>
  ApiResponse({
    status,
    description: MEANING[status],
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  });

/** Documents a route's error answers (problem+json) and its security. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ApiBearerAuth(),
    ...[401, 403, 429, 503, ...statuses].map(problem),
  );
}

/** The same for a public route (no token). */
export function ApiPublicProblems(...statuses: number[]) {
  return applyDecorators(ApiExtraModels(ProblemDetailsDto), ...[429, 503, ...statuses].map(problem));
}
