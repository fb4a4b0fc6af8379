import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;
const KEY = Symbol('correlationId');

/**
 * X-Correlation-Id: taken from the caller when it looks sane, created otherwise, echoed on the
 * response, passed to the services — and so written into every event the request causes.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    const given = req.header('x-correlation-id');
    const id = given && ACCEPTABLE.test(given) ? given : randomUUID();
    (req as unknown as Record<symbol, string>)[KEY] = id;
    res.setHeader('X-Correlation-Id', id);
    next();
  }
}

export const correlationIdOf = (req: Request): string =>
  (req as unknown as Record<symbol, string>)[KEY] ?? randomUUID();
