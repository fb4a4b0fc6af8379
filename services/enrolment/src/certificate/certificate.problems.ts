import { DomainError } from '@kompeten/domain';

/**
 * The certificates' refusals. An unknown number, a malformed one and another holder's certificate
 * all answer the same 404: nobody learns from it whether a number exists or is well formed.
 */
export const certificateProblems = {
  notFound: () =>
    DomainError.notFound('certificate-not-found', 'No such certificate', 'No certificate has this number'),
  /** Two sources with one number (a 40-bit hash collision in one year): never silently merged. */
  numberTaken: (number: string, sourceId: string) =>
    DomainError.conflict(
      'certificate-number-taken',
      'Certificate number already used',
      `${number} already attests another source than ${sourceId}`,
    ),
};
