import type { NextFunction, Request, Response } from 'express';

/**
 * The first phase of a graceful shutdown, for one HTTP server. While draining, `/ready` answers 503
 * (a Kubernetes Service, or any balancer probing it, takes the replica out of rotation) but every
 * other request is still served, and each answer carries `Connection: close`: a client holding a
 * keep-alive connection gets its answer, closes the socket itself, and opens its next one elsewhere.
 * Closing an idle keep-alive socket from the server side instead races a client that is writing its
 * next request on it (it sees a reset: a network error for a POST it cannot safely retry).
 */
export class HttpDrain {
  private since?: number;

  constructor(private readonly service: string) {}

  get draining(): boolean {
    return this.since !== undefined;
  }

  begin(): void {
    this.since ??= Date.now();
  }

  /** Express middleware; installed before any route. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.since === undefined) {
      this.closeIfDrainingWhenAnswered(res);
      return next();
    }
    res.setHeader('Connection', 'close');
    if (req.method !== 'GET' || req.url.split('?')[0] !== '/ready') return next();
    // The same shape as HealthController's answer, with the reason a probe reader needs.
    res.status(503).json({
      status: 'not ready',
      service: this.service,
      checks: { shutdown: { status: 'down', reason: 'draining before shutdown' } },
    });
  };

  /**
   * Decided when the answer is written, not when the request arrived: a request that came before the
   * drain began and is answered during it (a slow one, on a busy machine) must close its connection
   * too — or the client keeps the socket and writes its next request just as the process exits (a
   * CI run of the rolling restart saw exactly one such `fetch failed`). Node writes every answer's
   * headers through `writeHead` (`res.end()` calls it implicitly).
   */
  private closeIfDrainingWhenAnswered(res: Response): void {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (this.since !== undefined && !res.headersSent) res.setHeader('Connection', 'close');
      return writeHead(...args);
    }) as Response['writeHead'];
  }
}
