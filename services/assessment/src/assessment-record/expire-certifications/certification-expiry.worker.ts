import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CityCalendar } from '@kompeten/domain';
import type { EventStore } from '@kompeten/event-store';
import { IntervalWorker } from '@kompeten/messaging';
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
export class CertificationExpiryWorker extends IntervalWorker {
  private readonly log = new Logger('CertificationExpiry');

  constructor(private readonly options: CertificationExpiryWorkerOptions) {
    super(options.everyMs);
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
}
