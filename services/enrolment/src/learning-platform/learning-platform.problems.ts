import { DomainError } from '@kompeten/domain';

/** The learning platform registry's refusals (the HTTP edge maps the kind to a status). */
export const learningPlatformProblems = {
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  notFound: (clientId: string) =>
    DomainError.notFound(
      'learning-platform-not-found',
      'Unknown learning platform',
      `no learning platform registered with client id ${clientId}`,
    ),
  retired: (clientId: string) =>
    DomainError.conflict(
      'learning-platform-retired',
      'Learning platform retired',
      `the learning platform ${clientId} is retired: register its successor under a new client id`,
      { currentState: 'retired' },
    ),
};
