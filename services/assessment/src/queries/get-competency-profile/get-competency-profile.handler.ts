import { DataSource } from 'typeorm';
import { getCompetencyProfile, type ResponseOf } from '@kompeten/api';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffOnRoster } from '../../read-models/staff-roster.lookup';
import { competencyNames } from '../competency-names';
import { requirementRows } from '../required-levels';
import { AssessmentView, CertificationView, competencySummary, programmeGains } from './competency-profile';

/** A staff member's competencies over time: levels against their position's standard, certifications, every assessment, learning gain per programme. */
@Handles(getCompetencyProfile)
export class GetCompetencyProfileHandler implements UseCaseHandler<typeof getCompetencyProfile> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { nip } }: UseCaseRequest<typeof getCompetencyProfile>): Promise<CompetencyProfile> {
    const staff = await staffOnRoster(this.db, nip);
    const history = await this.db.query<AssessmentView[]>(
      `
      select assessment_id as "assessmentId", kind, competency_code as "competencyCode", enrolment_id as "enrolmentId", programme_id as "programmeId",
             trigger, due_on::text as "dueOn", status, assessor, method, score::float8 as score, level, assessed_on::text as "assessedOn", late,
             learning_gain as "learningGain", cancel_reason as "cancelReason"
        from assessments where nip = $1 order by coalesce(assessed_on, due_on), scheduled_at`,
      [nip],
    );
    const certifications = await this.db.query<CertificationView[]>(
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

/** What GET /staff/:nip/competency-profile answers. */
export type CompetencyProfile = ResponseOf<typeof getCompetencyProfile>;
