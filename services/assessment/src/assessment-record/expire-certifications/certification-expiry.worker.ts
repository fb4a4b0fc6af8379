import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CityCalendar } from '@kompeten/domain';
import type { EventStore } from '@kompeten/event-store';
import type { MessagingWorker } from '@kompeten/messaging';
import type { Clock } from '@kompeten/platform';
import { expireDueCertifications } from './expire-due-certifications';

export interface CertificationExpiryWorkerOptions {
  dataSource: DataSource;
  store: EventStore;
  clock: Clock;
  /** The city's calendar: the check runs as of the city's date, not the UTC one. */
  calendar: CityCalendar;
  everyMs: number;
}

/** Runs the expiry check every `everyMs` as of the city's date on the injected clock; a failed run is logged and retried at the next tick. */
export class CertificationExpiryWorker implements MessagingWorker {
  private readonly log = new Logger('CertificationExpiry');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(private readonly options: CertificationExpiryWorkerOptions) {}

  start(): Promise<void> {
    this.stopped = false;
    this.next();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One check now (also what each tick does). */
  async runOnce(): Promise<void> {
    const { store, dataSource, clock, calendar } = this.options;
    try {
      const expired = await expireDueCertifications(store, dataSource, calendar.dateOf(clock.now()), {
        actor: 'service:assessment',
        correlationId: randomUUID(),
        causationId: null,
      });
      if (expired.length) this.log.log(`${expired.length} certification(s) expired`);
    } catch (e) {
      this.log.warn(`expiry check failed: ${(e as Error).message}`);
    }
  }

  private next(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => this.next());
    }, this.options.everyMs);
  }
}
