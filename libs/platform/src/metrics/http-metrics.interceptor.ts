import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { Counter, Histogram, Registry } from 'prom-client';
import { toProblem } from '../http/problem-details.filter';

/** HTTP rate, latency and errors per route (the route pattern, never the concrete URL: bounded labels). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    // Express types the matched route as `any`; its path is the route's pattern, e.g. /staff/:nip.
    const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const stop = this.duration.startTimer({ method: req.method, route });
    const done = (status: number) => {
      stop();
      this.requests.inc({ method: req.method, route, status: String(status) });
    };
    return next.handle().pipe(
      tap({
        next: () => undefined,
        complete: () => done(res.statusCode),
        // The status the problem filter will answer with (domain errors, validation, a database that is down …).
        error: (e) => done(toProblem(e).status),
      }),
    );
  }
}
