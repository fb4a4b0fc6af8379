import { DomainError } from '@kompeten/domain';

/** The feedback service's refusals, each with its kind (the HTTP edge maps it to a status) and problem type. */
export const problems = {
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  unitNotFound: (unitCode: string) =>
    DomainError.notFound('service-unit-not-found', 'Unknown service unit', `no service unit ${unitCode}`),
  unitExists: (unitCode: string) =>
    DomainError.conflict(
      'service-unit-exists',
      'Service unit already registered',
      `service unit ${unitCode} already exists`,
    ),
  responseNotFound: (submissionId: string) =>
    DomainError.notFound('survey-response-not-found', 'Unknown survey response', `no survey response ${submissionId}`),
  periodClosed: (unitCode: string, period: string) =>
    DomainError.conflict(
      'survey-period-closed',
      'Survey period closed',
      `the IKM of ${unitCode} for ${period} has been published; responses for it are no longer accepted`,
      { period },
    ),
  periodNotEnded: (period: string, end: string) =>
    DomainError.conflict(
      'survey-period-not-ended',
      'Survey period not ended',
      `${period} ends on ${end}; it can be closed after that`,
      { period },
    ),
  notCaughtUp: () =>
    DomainError.unavailable(
      'read-model-behind',
      'Try again shortly',
      'the survey read model is still catching up with the log',
    ),
};
