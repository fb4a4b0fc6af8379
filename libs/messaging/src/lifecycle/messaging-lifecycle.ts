import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { backoffDelay, delay } from '../shared/backoff';

/** Anything with a background loop: OutboxRelay, EventConsumer, ProjectionRunner. */
export interface MessagingWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Nest token for the service's workers, e.g. `{ provide: MESSAGING_WORKERS, useFactory: (ds, kafka) => [new OutboxRelay(…)], inject: […] }`. */
export const MESSAGING_WORKERS = Symbol('MESSAGING_WORKERS');

/**
 * Starts the workers once the application has booted (migrations have run) and stops them in
 * `beforeApplicationShutdown` — before TypeORM and Kafka clients close in `onApplicationShutdown`,
 * so the batch or message in flight can finish. A worker that cannot start (the broker is down)
 * does not hold up the boot: it is retried in the background with back-off while the service
 * answers /health, and /ready says what is down.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('MessagingLifecycle');
  private readonly abort = new AbortController();
  private starting: Promise<void>[] = [];

  constructor(@Inject(MESSAGING_WORKERS) private readonly workers: MessagingWorker[]) {}

  /** Resolves when every worker has started (tests may wait on it; the boot does not). */
  started(): Promise<void> {
    return Promise.all(this.starting).then(() => undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.starting = this.workers.map((worker) => this.keepTrying(worker));
    // Give workers that can start at once the chance to do so before the app reports it is up.
    const patience = new AbortController();
    await Promise.race([this.started(), delay(2000, patience.signal)]);
    patience.abort();
  }

  private async keepTrying(worker: MessagingWorker): Promise<void> {
    for (let attempt = 0; !this.abort.signal.aborted; attempt++) {
      try {
        await worker.start();
        return;
      } catch (e) {
        await worker.stop().catch(() => undefined); // forget the failed clients; the next try connects afresh
        const wait = backoffDelay(attempt, { initialMs: 500, maxMs: 30_000 });
        this.log.warn(`${worker.constructor.name} cannot start (${(e as Error).message}); retrying in ${wait} ms`);
        await delay(wait, this.abort.signal).catch(() => undefined);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.started();
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
