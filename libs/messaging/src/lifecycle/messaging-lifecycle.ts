import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';

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
 * so the batch or message in flight can finish.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(MESSAGING_WORKERS) private readonly workers: MessagingWorker[]) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const worker of this.workers) await worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
