import { DataSource } from 'typeorm';
import { getPlanVsActual, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { planVsActual, type EnrolmentFact } from '../../planning/plan-vs-actual';
import { approvedPlan } from './approved-plan';

/** What GET /units/:opd/plan-vs-actual answers. */
export type PlanVsActualView = ResponseOf<typeof getPlanVsActual>;

interface FactRow {
  nip: string;
  competency_area: string | null;
  status: string;
  jp: number;
  jp_credited: number;
  cost: number;
  training_date: string;
  declined_reason: string | null;
  withdrawal_reason: string | null;
  non_completion_reason: string | null;
}

/**
 * The approved plan against the enrolments of the OPD's staff charged to the year, in any state
 * (planning/plan-vs-actual.ts sorts them). A waitlisted row knows no area until a seat comes: the
 * programme's names it. A self-paced programme has no session: its enrolment's own date places it.
 */
@Handles(getPlanVsActual)
export class GetPlanVsActualHandler implements UseCaseHandler<typeof getPlanVsActual> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getPlanVsActual>): Promise<PlanVsActualView> {
    const now = this.clock.now();
    const year = query.year ?? this.calendar.yearOf(now);
    const [plan, rows] = await Promise.all([
      approvedPlan(this.db, opd, year),
      this.db.query<FactRow[]>(
        `select h.nip, coalesce(h.competency_area, c.competency_area) as competency_area, h.status, h.jp, h.jp_credited,
                coalesce((c.details->>'costPerParticipant')::numeric, 0)::float8 as cost,
                to_char(coalesce(c.first_session_date, h.enrolled_on, (h.enrolled_at at time zone $3)::date), 'YYYY-MM-DD') as training_date,
                h.declined_reason, h.withdrawal_reason, h.non_completion_reason
           from enrolment_history h left join programme_catalogue c on c.programme_id = h.programme_id
          where h.opd = $1 and h.year = $2
          order by h.enrolled_at, h.enrolment_id`,
        [opd, year, this.calendar.timeZone],
      ),
    ]);
    const facts = rows.map((r): EnrolmentFact => ({
      nip: r.nip,
      competencyArea: r.competency_area,
      status: r.status,
      jp: r.jp,
      jpCredited: r.jp_credited,
      cost: r.cost,
      trainingDate: r.training_date,
      declinedReason: r.declined_reason,
      withdrawalReason: r.withdrawal_reason,
      nonCompletionReason: r.non_completion_reason,
    }));
    return {
      opd,
      year,
      asOf: this.calendar.dateOf(now),
      approvedRevision: plan?.revision ?? null,
      ...planVsActual(plan?.lines ?? [], facts, year),
    };
  }
}
