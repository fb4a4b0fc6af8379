import { DomainError } from '@kompeten/domain';
import type { Assessment } from './assessment-record.state';

const field = (name: string, message: string) => ({ errors: [{ field: name, message }] });

/** The assessment record's refusals, each with its kind (the HTTP edge maps it to a status) and problem type. */
export const problems = {
  invalid: (name: string, message: string) => DomainError.invalid(name, message),
  unknownEnrolment: (enrolmentId: string, why: string) =>
    DomainError.unprocessable(
      'enrolment-not-found',
      'No matching enrolment',
      `enrolmentId: ${why}`,
      field('enrolmentId', `${enrolmentId} ${why}`),
    ),
  unknownCompetency: (code: string) =>
    DomainError.unprocessable(
      'competency-not-found',
      'Unknown competency',
      `competencyCode: ${code} is not in the dictionary`,
      field('competencyCode', 'is not in the dictionary'),
    ),
  notFound: (assessmentId: string) =>
    DomainError.notFound(
      'assessment-not-found',
      'Unknown assessment',
      `no assessment ${assessmentId} for this staff member`,
    ),
  stillOpen: (a: Assessment) =>
    DomainError.conflict(
      'assessment-open',
      'An assessment like it is already scheduled',
      `${a.kind} assessment ${a.assessmentId} of ${a.competencyCode} is due on ${a.dueOn}`,
      { assessmentId: a.assessmentId },
    ),
  closed: (a: Assessment) =>
    DomainError.conflict(
      'assessment-closed',
      'Not possible in the assessment’s current state',
      `assessment ${a.assessmentId} is ${a.status}`,
      { currentState: a.status, assessmentId: a.assessmentId },
    ),
};
