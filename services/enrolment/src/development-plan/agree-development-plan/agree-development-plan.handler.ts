import { accepted, agreeDevelopmentPlan } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadStaff } from '../../staff/load-staff';
import { runDevelopmentPlanCommand } from '../run-development-plan-command';

/**
 * The head of the OPD agrees to a revision. The gateway checked the head heads `opd`; the staff
 * member's stream says whether they work there (a transfer moves whose head agrees).
 */
@Handles(agreeDevelopmentPlan)
export class AgreeDevelopmentPlanHandler implements UseCaseHandler<typeof agreeDevelopmentPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, body, metadata, res }: UseCaseRequest<typeof agreeDevelopmentPlan>) {
    const staff = await loadStaff(this.store, body.nip);
    const { streamId, result, revision } = await runDevelopmentPlanCommand(
      this.store,
      {
        type: 'AgreeDevelopmentPlan',
        nip: body.nip,
        year: body.year,
        revision: body.revision,
        opd,
        staffOpd: staff.workUnit.opd,
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return { ...accepted(streamId, result), revision };
  }
}
