import {
  CallHandler,
  ConflictException,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
  BadRequestException,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import canonicalize from 'canonicalize';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { PROBLEM_JSON, toProblem } from '@kompeten/platform';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { keyOwnerOf } from './command-id';
import { answerIsFinal } from './final-answer';
import { IdempotencyStore } from './idempotency.store';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/**
 * `Idempotency-Key` on a command: the first answer is stored durably; a retry with the same key and
 * the same request gets that answer again (with `Idempotent-Replayed: true`) and appends nothing.
 * The same key with a different request is a 422; while the first is still running, a 409 — for
 * IDEMPOTENCY_LEASE_SECONDS, after which a retry takes the claim over (the gateway that held it may
 * have died). The service deduplicates too (x-command-id, command-id.ts): a taken-over claim, or a
 * retry after the gateway died between the service's commit and its answer, never runs the command twice.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (req.method === 'GET' || key === undefined) return next.handle();
    if (!KEY.test(key))
      throw new BadRequestException({
        errors: [{ field: 'Idempotency-Key', message: 'must be 8–200 letters, digits or ._:-' }],
      });
    const principal = keyOwnerOf(req);
    const hash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl} ${canonicalize(req.body ?? null)}`)
      .digest('hex');
    return from(this.store.claim(principal, key, hash)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'mismatch')
          throw new UnprocessableEntityException('this Idempotency-Key was used for a different request');
        if (claim.kind === 'in-progress')
          throw new ConflictException('a request with this Idempotency-Key is still being processed');
        if (claim.kind === 'replay') {
          res.status(claim.status).setHeader('Idempotent-Replayed', 'true');
          for (const [h, v] of Object.entries(claim.headers)) res.setHeader(h, v);
          const replayed: unknown = claim.body ? JSON.parse(claim.body) : undefined;
          return of(replayed);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            const headers: Record<string, string> = res.getHeader('etag')
              ? { ETag: String(res.getHeader('etag')) }
              : {};
            await this.store.complete(
              principal,
              key,
              res.statusCode,
              headers,
              body === undefined ? '' : JSON.stringify(body),
            );
            return body;
          }),
          catchError((error: unknown) =>
            from(
              (async () => {
                const problem = toProblem(error, req.originalUrl);
                if (answerIsFinal(problem, req.header('if-match') !== undefined))
                  await this.store.complete(
                    principal,
                    key,
                    problem.status,
                    { 'Content-Type': PROBLEM_JSON },
                    JSON.stringify(problem),
                  );
                else await this.store.release(principal, key);
              })(),
            ).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }
}
