import { DataSource } from 'typeorm';
import { expireCertifications } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { asOfDate } from '../../shared/calendar';
import { expireDueCertifications } from './expire-due-certifications';

/** The expiry check on demand (the worker runs the same check periodically): 200 with what expired. */
@Handles(expireCertifications)
export class ExpireCertificationsHandler implements UseCaseHandler<typeof expireCertifications> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ body, metadata }: UseCaseRequest<typeof expireCertifications>) {
    // A date-time is accepted too (ISO 8601): the city's date at that instant is checked and answered.
    const asOf = asOfDate(body.asOf, this.clock.now(), this.calendar);
    return { asOf, expired: await expireDueCertifications(this.store, this.db, asOf, metadata) };
  }
}
