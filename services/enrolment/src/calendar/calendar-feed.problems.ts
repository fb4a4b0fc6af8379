import { DomainError } from '@kompeten/domain';

/** The calendar feeds' refusals. */
export const problems = {
  /** Unknown, revoked, or another subject's: the same answer, so a feed URL or id reveals nothing. */
  feedNotFound: () => DomainError.notFound('calendar-feed-not-found', 'Unknown calendar feed', 'no such calendar feed'),
  staffNotFound: (nip: string) =>
    DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`),
};
