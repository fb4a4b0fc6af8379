import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { staffOnRoster } from '../../read-models/staff-roster.lookup';
import { competencyNames } from '../competency-names';
import { requirementRows } from '../required-levels';
import { AssessmentView, CertificationView, competencySummary, programmeGains } from './competency-profile';
import { GetCompetencyProfileQuery } from './get-competency-profile.query';

/** A staff member's competencies over time: levels against their position's standard, certifications, every assessment, learning gain per programme. */
@QueryHandler(GetCompetencyProfileQuery)
export class GetCompetencyProfileHandler implements IQueryHandler<GetCompetencyProfileQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ nip }: GetCompetencyProfileQuery) {
    const staff = await staffOnRoster(this.db, nip);
    const history: AssessmentView[] = await this.db.query(
      `
      select assessment_id as "assessmentId", kind, competency_code as "competencyCode", enrolment_id as "enrolmentId", programme_id as "programmeId",
             trigger, due_on::text as "dueOn", status, assessor, method, score::float8 as score, level, assessed_on::text as "assessedOn", late,
             learning_gain as "learningGain", cancel_reason as "cancelReason"
        from assessments where nip = $1 order by coalesce(assessed_on, due_on), scheduled_at`,
      [nip],
    );
    const certifications: CertificationView[] = await this.db.query(
      `
      select certification_id as "certificationId", competency_code as "competencyCode", level, required_level as "requiredLevel",
             certified_on::text as "certifiedOn", expires_on::text as "expiresOn", status
        from certifications where nip = $1 order by certified_on, certification_id`,
      [nip],
    );
    const required = await requirementRows(this.db, { nip });
    return {
      nip,
      workUnit: { opd: staff.opd, serviceUnit: staff.serviceUnit },
      position: staff.position,
      status: staff.status,
      competencies: competencySummary(required, history, certifications, await competencyNames(this.db)),
      programmes: programmeGains(history),
      certifications,
      history,
    };
  }
}
