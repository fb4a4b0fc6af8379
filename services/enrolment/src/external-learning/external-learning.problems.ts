import { DomainError } from '@kompeten/domain';

/** External learning's refusals (the HTTP edge maps the kind to a status). */
export const externalLearningProblems = {
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  notFound: (learningId: string) =>
    DomainError.notFound(
      'external-learning-not-found',
      'No such external learning',
      `no external learning is recorded as ${learningId}`,
    ),
  staffLeft: (nip: string) =>
    DomainError.conflict(
      'staff-left',
      'Staff member has left',
      `NIP ${nip} no longer serves the city: no new learning is recorded`,
    ),
  alreadyDecided: (learningId: string, status: 'verified' | 'rejected') =>
    DomainError.conflict(
      `external-learning-${status}`,
      `The record is ${status}`,
      `external learning ${learningId} is already ${status}: an officer's decision is not reversed here (record it again if it was rejected in error)`,
      { currentState: status },
    ),
};
