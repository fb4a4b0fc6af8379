import { DataSource } from 'typeorm';
import { accepted, setContinuityRule } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { runCalendarCommand } from '../release-target';
import { trainingCalendarStreamId, unitKeyOf } from '../training-calendar.commands';

/** A unit sets how many of its staff may be away for training on one day. */
@Handles(setContinuityRule)
export class SetContinuityRuleHandler implements UseCaseHandler<typeof setContinuityRule> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, body, metadata, res }: UseCaseRequest<typeof setContinuityRule>) {
    const serviceUnit = body.serviceUnit ?? null;
    if (serviceUnit !== null) {
      // A head sets the rule of their own OPD's units: a service unit whose staff are in another OPD is not theirs.
      const owners = await this.db.query<{ opd: string }[]>(
        'select distinct opd from staff_roster where service_unit = $1',
        [serviceUnit],
      );
      if (owners.some((o) => o.opd !== opd))
        throw DomainError.forbidden(
          'unit-of-another-opd',
          'Service unit of another OPD',
          `${serviceUnit} belongs to ${owners.map((o) => o.opd).join(', ')}, not ${opd}`,
          { field: 'serviceUnit' },
        );
    }
    const unitKey = unitKeyOf({ opd, serviceUnit });
    const result = await runCalendarCommand(
      this.store,
      unitKey,
      {
        type: 'SetContinuityRule',
        unitKey,
        opd,
        serviceUnit,
        maxAwayCount: body.maxAwayCount ?? null,
        maxAwayShare: body.maxAwayShare ?? null,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(trainingCalendarStreamId(unitKey), result);
  }
}
