import type { INestApplication, LoggerService } from '@nestjs/common';
import type { NestApplicationContext } from '@nestjs/core';
import type { Server } from 'node:http';
import type { HttpDrain } from './drain';

/** How a process stops (environment: SHUTDOWN_DRAIN_MS, SHUTDOWN_TIMEOUT_MS). */
export interface ShutdownTimings {
  /**
   * How long the process keeps serving, not ready, before it stops accepting (default 0). In
   * Kubernetes: longer than the endpoint removal takes to reach every proxy (5–10 s); with
   * `npm start -- --replicas N`: long enough for busy keep-alive clients to move (2 s).
   */
  drainMs: number;
  /** Then, how long requests in flight may take to finish before their connections are cut (default 10 s). */
  finishMs: number;
}

/** Reads the timings; a value that is not a whole number ≥ 0 is named in the error. */
export function shutdownTimings(env: NodeJS.ProcessEnv): ShutdownTimings {
  const ms = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number of ms ≥ 0 (got "${raw}")`);
    return value;
  };
  return { drainMs: ms('SHUTDOWN_DRAIN_MS', 0), finishMs: ms('SHUTDOWN_TIMEOUT_MS', 10_000) };
}

/**
 * SIGTERM (or SIGINT) → not ready, still serving, for `drainMs` → stop accepting, let requests in
 * flight finish (idle keep-alive sockets are closed at once; busy ones after their answer, which
 * says `Connection: close`) → stop consumers and the relay, close Kafka and Postgres (the app's
 * shutdown hooks) → exit 0. A second signal while this runs changes nothing.
 */
export function stopGracefullyOn(
  signals: NodeJS.Signals[],
  app: INestApplication<Server>,
  drain: HttpDrain,
  timings: ShutdownTimings,
  log: LoggerService,
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    drain.begin();
    if (timings.drainMs) log.log(`${signal}: not ready; serving for ${timings.drainMs} ms before closing`);
    await new Promise((resolve) => setTimeout(resolve, timings.drainMs));
    await closeHttp(app.getHttpServer(), timings.finishMs, log);
    try {
      // The implementation (NestApplicationContext) passes the signal to the shutdown hooks: the
      // "stopped cleanly after SIGTERM" line; the interface does not declare the parameter.
      await (app as unknown as NestApplicationContext).close(signal);
      process.exit(0);
    } catch (e) {
      log.error(`shutdown failed: ${(e as Error).stack ?? String(e)}`);
      process.exit(1);
    }
  };
  for (const signal of signals) process.on(signal, () => void stop(signal));
}

/** Stops accepting and resolves once every connection has ended, or cuts the rest after `finishMs`. */
function closeHttp(server: Server, finishMs: number, log: LoggerService): Promise<void> {
  return new Promise<void>((resolve) => {
    const cut = setTimeout(() => {
      log.warn(`requests still running after ${finishMs} ms: closing their connections`);
      server.closeAllConnections();
    }, finishMs);
    // close() also ends idle keep-alive sockets (Node ≥ 19); it calls back when the last busy one ends.
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
  });
}
