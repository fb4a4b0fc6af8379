import { DomainProblem } from '@kompeten/platform';

/** The feedback service's refusals, each with its HTTP status and problem type. */
export const problems = {
  invalid: (field: string, message: string) =>
    new DomainProblem(400, 'validation', 'The request is not valid', `${field}: ${message}`, {
      errors: [{ field, message }],
    }),
  unitNotFound: (unitCode: string) =>
    new DomainProblem(404, 'service-unit-not-found', 'Unknown service unit', `no service unit ${unitCode}`),
  unitExists: (unitCode: string) =>
    new DomainProblem(
      409,
      'service-unit-exists',
      'Service unit already registered',
      `service unit ${unitCode} already exists`,
    ),
  responseNotFound: (submissionId: string) =>
    new DomainProblem(
      404,
      'survey-response-not-found',
      'Unknown survey response',
      `no survey response ${submissionId}`,
    ),
  periodClosed: (unitCode: string, period: string) =>
    new DomainProblem(
      409,
      'survey-period-closed',
      'Survey period closed',
      `the IKM of ${unitCode} for ${period} has been published; responses for it are no longer accepted`,
      { period },
    ),
  periodNotEnded: (period: string, end: string) =>
    new DomainProblem(
      409,
      'survey-period-not-ended',
      'Survey period not ended',
      `${period} ends on ${end}; it can be closed after that`,
      { period },
    ),
  notCaughtUp: () =>
    new DomainProblem(
      503,
      'read-model-behind',
      'Try again shortly',
      'the survey read model is still catching up with the log',
    ),
};
