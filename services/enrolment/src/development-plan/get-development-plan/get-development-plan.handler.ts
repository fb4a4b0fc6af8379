import { DataSource } from 'typeorm';
import { getDevelopmentPlan, type ResponseOf } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { developmentPlanProblems } from '../development-plan.problems';
import { readDevelopmentPlan } from '../read-development-plan';

/** A staff member's plan for a year with its progress; the OPD in the answer is what the gateway scopes a head by. */
@Handles(getDevelopmentPlan)
export class GetDevelopmentPlanHandler implements UseCaseHandler<typeof getDevelopmentPlan> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({
    params: { nip, year },
  }: UseCaseRequest<typeof getDevelopmentPlan>): Promise<ResponseOf<typeof getDevelopmentPlan>> {
    const [staff] = await this.db.query<{ opd: string }[]>('select opd from staff_roster where nip = $1', [nip]);
    if (!staff) throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
    const asOf = this.calendar.dateOf(this.clock.now());
    const plan = await readDevelopmentPlan(this.store, this.db, nip, Number(year), asOf);
    if (!plan) throw developmentPlanProblems.notFound(nip, Number(year));
    return { nip, opd: staff.opd, ...plan };
  }
}
