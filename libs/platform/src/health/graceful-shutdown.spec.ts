import type { NextFunction, Request, Response } from 'express';
import { replicasFromEnv } from '../replicas';
import { HttpDrain } from './drain';
import { shutdownTimings } from './graceful-shutdown';

describe('process settings for replicas and shutdown', () => {
  it('when nothing is set, one process that stops at once but lets requests finish for 10 s', () => {
    expect(replicasFromEnv({})).toBe(1);
    expect(shutdownTimings({})).toEqual({ drainMs: 0, finishMs: 10_000 });
  });

  it('reads the drain, the finishing time and the replica count', () => {
    expect(shutdownTimings({ SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_TIMEOUT_MS: '20000' })).toEqual({
      drainMs: 5000,
      finishMs: 20_000,
    });
    expect(replicasFromEnv({ REPLICAS: '2' })).toBe(2);
  });

  it('refuses a value that is not a whole number in range, naming the setting', () => {
    expect(() => shutdownTimings({ SHUTDOWN_DRAIN_MS: '2s' })).toThrow(/SHUTDOWN_DRAIN_MS/);
    expect(() => shutdownTimings({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    expect(() => replicasFromEnv({ REPLICAS: '0' })).toThrow(/REPLICAS/);
    expect(() => replicasFromEnv({ REPLICAS: '1.5' })).toThrow(/REPLICAS/);
  });
});

describe('draining before shutdown', () => {
  /** Just enough of an Express response: headers, and writeHead as Node calls it. */
  const aResponse = () => {
    const headers: Record<string, string> = {};
    const res = {
      headersSent: false,
      setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
      writeHead(this: { headersSent: boolean }) {
        this.headersSent = true;
        return this;
      },
      status: () => res,
      json: () => res,
    };
    return { res: res as unknown as Response, headers };
  };
  const request = (url: string) => ({ method: 'GET', url }) as Request;

  it('closes the connection of an answer written during the drain, even for a request that came before it', () => {
    const drain = new HttpDrain('feedback');
    const before = aResponse();
    const untouched = aResponse();
    const next: NextFunction = jest.fn();
    drain.middleware(request('/api/v1/x'), before.res, next);
    drain.middleware(request('/api/v1/y'), untouched.res, next);
    untouched.res.writeHead(200);
    drain.begin();
    before.res.writeHead(201);
    expect(before.headers.connection).toBe('close');
    // Answered before the drain: keep-alive as usual.
    expect(untouched.headers.connection).toBeUndefined();
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('answers /ready 503 while draining and still serves everything else, closing each connection', () => {
    const drain = new HttpDrain('feedback');
    drain.begin();
    const ready = aResponse();
    const other = aResponse();
    const next: NextFunction = jest.fn();
    drain.middleware(request('/ready'), ready.res, next);
    drain.middleware(request('/api/v1/x'), other.res, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(ready.headers.connection).toBe('close');
    expect(other.headers.connection).toBe('close');
    expect(drain.draining).toBe(true);
  });
});
