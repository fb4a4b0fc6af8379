import { DataSource } from 'typeorm';
import { getShortageEstimate, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { costToTarget, type Charged } from '../../planning/cost-to-target';
import { currentUnitCosts } from '../../planning/unit-costs';
import { SEAT_HOLDING } from '../../read-models/programme-catalogue.projection';
import { approvedPlan } from '../get-plan-vs-actual/approved-plan';
import { JP_CREDITS } from '../jp-credits.sql';

/** What the enrolment service answers for GET /units/:opd/shortage (the gateway adds the budget). */
export type ShortageEstimateView = ResponseOf<typeof getShortageEstimate>;

/**
 * The price of an OPD's 20-JP shortfall (planning/cost-to-target.ts does the arithmetic). The read
 * models give the figures: each active PNS's JP credited in the year (as the JP ledger counts them),
 * and the cost and JP of the enrolments charged to the year that still hold their seat — priced as
 * their programmes now stand, the "current" unit cost the question asks for.
 */
@Handles(getShortageEstimate)
export class GetShortageEstimateHandler implements UseCaseHandler<typeof getShortageEstimate> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getShortageEstimate>): Promise<ShortageEstimateView> {
    const now = this.clock.now();
    const year = query.year ?? this.calendar.yearOf(now);
    const [jp, charged, unitCosts, plan] = await Promise.all([
      this.jpCredited(opd, year),
      this.charged(opd, year),
      currentUnitCosts(this.db, year, this.calendar.timeZone),
      approvedPlan(this.db, opd, year),
    ]);
    const cost = costToTarget({
      jpCredited: jp,
      ...charged,
      unitCosts: {
        'e-learning': unitCosts['e-learning'].costPerJp,
        magang: unitCosts.magang.costPerJp,
        klasikal: unitCosts.klasikal.costPerJp,
      },
    });
    return {
      opd,
      year,
      asOf: this.calendar.dateOf(now),
      ...cost,
      unitCosts,
      plan: plan && {
        approvedRevision: plan.revision,
        rupiah: plan.lines.reduce((a, l) => a + l.estimatedRupiah, 0),
      },
    };
  }

  /** Each active PNS of the OPD registered by the year's end: JP credited in the year (jp-credits.sql.ts). */
  private async jpCredited(opd: string, year: number): Promise<number[]> {
    const rows = await this.db.query<{ jp: number }[]>(
      `select coalesce(sum(h.jp_credited), 0)::int as jp
         from staff_roster s left join ${JP_CREDITS} h
           on h.nip = s.nip and extract(year from h.completed_on) = $2::int
        where s.status = 'active' and s.employment_type = 'PNS' and s.opd = $1
          and s.registered_on <= make_date($2::int, 12, 31)
        group by s.nip`,
      [opd, year],
    );
    return rows.map((r) => r.jp);
  }

  /** Σ cost and Σ JP of the seat-holding enrolments charged to the year: the OPD's, and the city's. */
  private async charged(opd: string, year: number): Promise<{ opd: Charged; city: Charged }> {
    const [r] = await this.db.query<{ opd_cost: number; opd_jp: number; city_cost: number; city_jp: number }[]>(
      `with charged as (
         select h.opd, (c.details->>'costPerParticipant')::numeric as cost, (c.details->>'jp')::numeric as jp
           from enrolment_history h join programme_catalogue c on c.programme_id = h.programme_id
          where h.year = $2 and h.status = any($3::text[]))
       select coalesce(sum(cost) filter (where opd = $1), 0)::float8 as opd_cost,
              coalesce(sum(jp) filter (where opd = $1), 0)::float8 as opd_jp,
              coalesce(sum(cost), 0)::float8 as city_cost, coalesce(sum(jp), 0)::float8 as city_jp
         from charged`,
      [opd, year, [...SEAT_HOLDING]],
    );
    return { opd: { cost: r.opd_cost, jp: r.opd_jp }, city: { cost: r.city_cost, jp: r.city_jp } };
  }
}
