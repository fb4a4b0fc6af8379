import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EventStore } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { dateOf } from '../../shared/calendar';
import { ExpireCertificationsCommand } from './expire-certifications.command';
import { expireDueCertifications } from './expire-due-certifications';

@CommandHandler(ExpireCertificationsCommand)
export class ExpireCertificationsHandler implements ICommandHandler<ExpireCertificationsCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(c: ExpireCertificationsCommand) {
    const asOf = c.asOf ?? dateOf(this.clock.now());
    return { asOf, expired: await expireDueCertifications(this.store, this.db, asOf, c.metadata) };
  }
}
