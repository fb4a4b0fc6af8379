import { DataSource } from 'typeorm';
import { accepted, proposeDevelopmentPlan } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { unknownCompetencies } from '../../planning/known-competency';
import { loadStaff } from '../../staff/load-staff';
import { runDevelopmentPlanCommand } from '../run-development-plan-command';

/** The staff member (or an officer for them) proposes the year's plan: a new revision to be agreed. */
@Handles(proposeDevelopmentPlan)
export class ProposeDevelopmentPlanHandler implements UseCaseHandler<typeof proposeDevelopmentPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { nip }, body, metadata, res }: UseCaseRequest<typeof proposeDevelopmentPlan>) {
    const staff = await loadStaff(this.store, nip);
    // The city's competencies are a read model, so checked here and not in the decider.
    const unknown = await unknownCompetencies(
      this.db,
      body.targets.map((t) => t.competencyCode),
    );
    const i = body.targets.findIndex((t) => unknown.includes(t.competencyCode));
    if (i >= 0)
      throw DomainError.invalid(
        `targets[${i}].competencyCode`,
        `${body.targets[i].competencyCode} is not a competency the city knows`,
      );
    const { streamId, result, revision } = await runDevelopmentPlanCommand(
      this.store,
      {
        type: 'ProposeDevelopmentPlan',
        nip,
        year: body.year,
        targets: body.targets.map(({ competencyCode, targetLevel }) => ({ competencyCode, targetLevel })),
        targetJp: body.targetJp,
        note: body.note ?? null,
        staffActive: staff.status === 'active',
        today: this.calendar.dateOf(this.clock.now()),
      },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return { ...accepted(streamId, result), revision };
  }
}
