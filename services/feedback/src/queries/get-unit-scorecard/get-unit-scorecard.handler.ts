import { DataSource } from 'typeorm';
import { SKM_ELEMENTS, type UnitService } from '@kompeten/contracts';
import { getUnitScorecard, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { JP_RIGHT } from '../../correlation/unit-period-facts';
import { UnitPeriodFactsReader } from '../../correlation/unit-period-facts.reader';
import { IkmGrade, SKM_ELEMENT_NAMES } from '../../ikm/ikm';
import { shiftPeriod } from '../../ikm/survey-period';
import { problems } from '../../shared/feedback.problems';
import { periodOrCurrentQuarter } from '../../shared/period-or-fail';
import { FB_JP_CREDITS } from '../../training-history/jp-credits.sql';

/** The unit's row of the service_units read model, as far as the scorecard shows it. */
interface ServiceUnitRow {
  services: UnitService[];
  annual_service_users: number;
}

/** The unit's row of the survey_period_closures read model for the period (the published IKM). */
interface PeriodClosureRow {
  responses: number;
  ikm: number | null;
  grade: IkmGrade | null;
  sample_target: number;
  sample_adequate: boolean;
  closed_on: string;
}

/** A unit in a period: IKM with its n, NRR per element, grade and sample target; its staff's training; the published figure. */
@Handles(getUnitScorecard)
export class GetUnitScorecardHandler implements UseCaseHandler<typeof getUnitScorecard> {
  constructor(
    private readonly db: DataSource,
    private readonly facts: UnitPeriodFactsReader,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { unitCode }, query }: UseCaseRequest<typeof getUnitScorecard>): Promise<UnitScorecardView> {
    const period = periodOrCurrentQuarter(query.period, this.calendar.dateOf(this.clock.now()));
    const [[current], [previous], [unit], [published], staff] = await Promise.all([
      this.facts.facts(period, { unitCodes: [unitCode] }),
      this.facts.facts(shiftPeriod(period, -1), { unitCodes: [unitCode] }),
      this.db.query<ServiceUnitRow[]>('select services, annual_service_users from service_units where unit_code = $1', [
        unitCode,
      ]),
      this.db.query<PeriodClosureRow[]>(
        `select responses, ikm::float8 as ikm, grade, sample_target, sample_adequate, closed_on::text as closed_on
                       from survey_period_closures where unit_code = $1 and period = $2`,
        [unitCode, period.id],
      ),
      this.staffAt(unitCode, period.end),
    ]);
    if (!current) throw problems.unitNotFound(unitCode);
    const { survey, training } = current;
    return {
      unit: {
        unitCode,
        name: current.name,
        opd: current.opd,
        kind: current.kind,
        services: unit.services,
        annualServiceUsers: unit.annual_service_users,
      },
      period: { id: period.id, start: period.start, end: period.end },
      survey: {
        ...survey,
        elements: SKM_ELEMENTS.map((u) => ({
          element: u,
          name: SKM_ELEMENT_NAMES[u],
          nrr: survey.nrr?.[u] ?? null,
          focus: u === 'u6' || u === 'u7',
        })),
      },
      training: { ...training, staff },
      published: published
        ? {
            responses: published.responses,
            ikm: published.ikm,
            grade: published.grade,
            sampleTarget: published.sample_target,
            sampleAdequate: published.sample_adequate,
            closedOn: published.closed_on,
          }
        : null,
      previous: {
        period: previous.period,
        responses: previous.survey.responses,
        ikm: previous.survey.ikmRounded,
        grade: previous.survey.grade,
        sampleAdequate: previous.survey.sampleAdequate,
      },
    };
  }

  /**
   * Who worked in the unit on the period's last day (from the enrolment service's events), with their JP in the
   * 12 months to it: programmes completed and external learning verified (FB_JP_CREDITS).
   */
  private staffAt(unitCode: string, asOf: string): Promise<{ nip: string; jp: number; meets20Jp: boolean }[]> {
    return this.db.query<{ nip: string; jp: number; meets20Jp: boolean }[]>(
      `select a.nip, coalesce(sum(c.jp), 0)::int as jp, coalesce(sum(c.jp), 0) >= $3 as "meets20Jp"
        from fb_staff_assignment a left join ${FB_JP_CREDITS} c
          on c.nip = a.nip and c.completed_on <= $2 and c.completed_on > ($2::date - interval '12 months')::date
       where a.service_unit = $1 and a.from_date <= $2 and (a.to_date is null or a.to_date > $2)
       group by a.nip order by a.nip`,
      [unitCode, asOf, JP_RIGHT],
    );
  }
}

/** What GET /service-units/:unitCode/scorecard answers. */
export type UnitScorecardView = ResponseOf<typeof getUnitScorecard>;
