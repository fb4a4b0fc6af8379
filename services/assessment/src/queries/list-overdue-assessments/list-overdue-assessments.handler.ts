import { DataSource } from 'typeorm';
import type { AssessmentKind } from '@kompeten/contracts';
import { listOverdueAssessments } from '@kompeten/api';
import { CityCalendar, daysBetween } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { asOfDate } from '../../shared/calendar';

const LIMIT = 500;

/** A scheduled assessment past its due date (unit null when the roster does not know the staff member yet). */
interface MissingRow {
  assessmentId: string;
  nip: string;
  kind: AssessmentKind;
  competencyCode: string;
  enrolmentId: string | null;
  programmeId: string | null;
  dueOn: string;
  opd: string | null;
  serviceUnit: string | null;
}

/**
 * Missing assessments (still open past their due date, as of a date, today by default) and how many
 * were recorded late. Staff who left are not chased; staff the roster does not know yet are shown without a unit.
 */
@Handles(listOverdueAssessments)
export class ListOverdueAssessmentsHandler implements UseCaseHandler<typeof listOverdueAssessments> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query }: UseCaseRequest<typeof listOverdueAssessments>) {
    // A date-time is accepted too (ISO 8601): the city's date at that instant is checked and answered.
    const asOf = asOfDate(query.asOf, this.clock.now(), this.calendar);
    const opd = query.opd ?? null;
    const serviceUnit = query.serviceUnit ?? null;
    const unit = `($2::text is null or s.opd = $2) and ($3::text is null or s.service_unit = $3) and coalesce(s.status, 'active') = 'active'`;
    const missing = await this.db.query<MissingRow[]>(
      `
      select a.assessment_id as "assessmentId", a.nip, a.kind, a.competency_code as "competencyCode", a.enrolment_id as "enrolmentId",
             a.programme_id as "programmeId", a.due_on::text as "dueOn", s.opd, s.service_unit as "serviceUnit"
        from assessments a left join staff_roster s using (nip)
       where a.status = 'scheduled' and a.due_on < $1::date and ${unit}
       order by a.due_on, a.nip limit ${LIMIT}`,
      [asOf, opd, serviceUnit],
    );
    const [{ late }] = await this.db.query<{ late: number }[]>(
      `
      select count(*)::int as late from assessments a left join staff_roster s using (nip)
       where a.status = 'recorded' and a.late and a.assessed_on <= $1::date and ${unit}`,
      [asOf, opd, serviceUnit],
    );
    return {
      asOf,
      opd,
      serviceUnit,
      recordedLate: late,
      truncated: missing.length === LIMIT,
      missing: missing.map((m) => ({ ...m, daysOverdue: daysBetween(m.dueOn, asOf) })),
    };
  }
}
