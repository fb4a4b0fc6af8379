import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CityCalendar } from '@kompeten/domain';
import type { EventStore } from '@kompeten/event-store';
import { IntervalWorker } from '@kompeten/messaging';
import type { Clock } from '@kompeten/platform';
import { decideDueWindows } from './decide-due-windows';

export interface FundingWindowWorkerOptions {
  dataSource: DataSource;
  store: EventStore;
  clock: Clock;
  /** The city's calendar: windows are decided on the city's date, not the UTC one. */
  calendar: CityCalendar;
  everyMs: number;
}

/** Decides due funding windows every `everyMs` as of the city's date on the injected clock; a failed run is logged and retried at the next tick. */
export class FundingWindowWorker extends IntervalWorker {
  private readonly log = new Logger('FundingWindows');

  constructor(private readonly options: FundingWindowWorkerOptions) {
    super(options.everyMs);
  }

  /** One look now (also what each tick does). */
  async runOnce(): Promise<void> {
    const { store, dataSource, clock, calendar } = this.options;
    try {
      const { decided, failed } = await decideDueWindows(store, dataSource, calendar.dateOf(clock.now()), {
        actor: 'service:budget',
        correlationId: randomUUID(),
        causationId: null,
      });
      if (decided.length) this.log.log(`funding windows decided: ${decided.join(', ')}`);
      for (const f of failed) this.log.warn(`funding window of ${f.budgetId} failed: ${f.error}`);
    } catch (e) {
      this.log.warn(`funding window check failed: ${(e as Error).message}`);
    }
  }
}
