import { DomainProblem } from '@kompeten/platform';
import type { Assessment } from './assessment-record.state';

const field = (name: string, message: string) => ({ errors: [{ field: name, message }] });

/** The assessment record's refusals, each with its HTTP status and problem type. */
export const problems = {
  invalid: (name: string, message: string) =>
    new DomainProblem(400, 'validation', 'The request is not valid', `${name}: ${message}`, field(name, message)),
  unknownEnrolment: (enrolmentId: string, why: string) =>
    new DomainProblem(
      422,
      'enrolment-not-found',
      'No matching enrolment',
      `enrolmentId: ${why}`,
      field('enrolmentId', `${enrolmentId} ${why}`),
    ),
  unknownCompetency: (code: string) =>
    new DomainProblem(
      422,
      'competency-not-found',
      'Unknown competency',
      `competencyCode: ${code} is not in the dictionary`,
      field('competencyCode', 'is not in the dictionary'),
    ),
  notFound: (assessmentId: string) =>
    new DomainProblem(
      404,
      'assessment-not-found',
      'Unknown assessment',
      `no assessment ${assessmentId} for this staff member`,
    ),
  stillOpen: (a: Assessment) =>
    new DomainProblem(
      409,
      'assessment-open',
      'An assessment like it is already scheduled',
      `${a.kind} assessment ${a.assessmentId} of ${a.competencyCode} is due on ${a.dueOn}`,
      { assessmentId: a.assessmentId },
    ),
  closed: (a: Assessment) =>
    new DomainProblem(
      409,
      'assessment-closed',
      'Not possible in the assessment’s current state',
      `assessment ${a.assessmentId} is ${a.status}`,
      { currentState: a.status, assessmentId: a.assessmentId },
    ),
};
