import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from '@kompeten/domain';
import { isTransientError } from '@kompeten/messaging';
import { PROBLEM_BASE, PROBLEM_JSON, ProblemDetails } from './problem-details';

/**
 * The one table from a domain error's kind to its HTTP status (libs/README.md, "Domain errors").
 * `toProblem` below answers with it.
 */
export const DOMAIN_ERROR_STATUS = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  unprocessable: 422,
  gone: 410,
  unavailable: 503,
  forbidden: 403,
} as const satisfies Record<DomainErrorKind, number>;

/** Builds a problem+json body for known error kinds; other errors become an opaque 500. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof DomainError) {
    return {
      type: PROBLEM_BASE + error.slug,
      title: error.title,
      status: DOMAIN_ERROR_STATUS[error.kind],
      detail: error.message,
      instance,
      ...error.extensions,
    };
  }
  const mapped = (error as { problem?: () => ProblemDetails }).problem?.();
  if (mapped) return { ...mapped, instance };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse() as { errors?: ProblemDetails['errors']; message?: unknown };
    const errors = typeof body === 'object' ? body.errors : undefined;
    return {
      type: PROBLEM_BASE + (errors ? 'validation' : String(status)),
      title: errors ? 'The request is not valid' : error.message,
      status,
      detail: errors ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : undefined,
      instance,
      ...(errors ? { errors } : {}),
    };
  }
  // The database is down or restarting: "retry shortly", not a bug (clients and the gateway retry a 503).
  // isTransientError also covers a busy database (deadlock, serialization failure, too many connections).
  if (isTransientError(error)) {
    return {
      type: PROBLEM_BASE + 'unavailable',
      title: "The service's database is unavailable just now; retry shortly",
      status: HttpStatus.SERVICE_UNAVAILABLE,
      instance,
      retryAfterSeconds: 2,
    };
  }
  // Express's body parser refuses a body with http-errors (413 too large, 415 charset or encoding,
  // 400 aborted) before Nest sees it; `expose` marks their message as safe to show.
  const http = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500 && http.expose === true) {
    return { type: PROBLEM_BASE + String(http.status), title: String(http.message), status: http.status, instance };
  }
  return {
    type: PROBLEM_BASE + 'internal',
    title: 'Internal error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    instance,
  };
}

/** The one place where errors become HTTP responses (RFC 9457 application/problem+json). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly log = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = toProblem(error, req.originalUrl);
    if (problem.status >= 500 && problem.status !== 503) this.log.error((error as Error)?.stack ?? String(error));
    // "Retry shortly" answers say when (a service down, a rate limit).
    if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    res.status(problem.status).type(PROBLEM_JSON).send(JSON.stringify(problem));
  }
}
