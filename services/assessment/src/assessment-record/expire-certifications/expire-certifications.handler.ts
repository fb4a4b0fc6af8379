import { DataSource } from 'typeorm';
import { expireCertifications } from '@kompeten/api';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { dateOf } from '../../shared/calendar';
import { expireDueCertifications } from './expire-due-certifications';

/** The expiry check on demand (the worker runs the same check periodically): 200 with what expired. */
@Handles(expireCertifications)
export class ExpireCertificationsHandler implements UseCaseHandler<typeof expireCertifications> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async handle({ body, metadata }: UseCaseRequest<typeof expireCertifications>) {
    // A date-time is accepted too (ISO 8601); its date is what is checked and answered.
    const asOf = dateOf(body.asOf ?? this.clock.now());
    return { asOf, expired: await expireDueCertifications(this.store, this.db, asOf, metadata) };
  }
}
