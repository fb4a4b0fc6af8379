import { DomainProblem } from '@kompeten/platform';
import type { Enrolment, ProgrammeState } from './programme.state';

/** The programme decider's refusals, each with its HTTP status and problem type. */
export const problems = {
  notFound: (id?: string) =>
    new DomainProblem(404, 'programme-not-found', 'Unknown programme', `no programme ${id ?? ''}`.trim()),
  exists: (id: string) =>
    new DomainProblem(409, 'programme-exists', 'Programme already published', `programme ${id} already exists`),
  cancelled: (s: ProgrammeState) =>
    new DomainProblem(409, 'programme-cancelled', 'Programme cancelled', `programme ${s.programmeId} is cancelled`),
  invalid: (field: string, message: string) =>
    new DomainProblem(400, 'validation', 'The request is not valid', `${field}: ${message}`, {
      errors: [{ field, message }],
    }),
  notEnrolled: (nip: string) =>
    new DomainProblem(404, 'enrolment-not-found', 'Not enrolled', `NIP ${nip} is not enrolled in this programme`),
  alreadyEnrolled: (e: Enrolment) =>
    new DomainProblem(409, 'already-enrolled', 'Already enrolled', `NIP ${e.nip} is already enrolled (${e.status})`, {
      currentState: e.status,
      enrolmentId: e.enrolmentId,
    }),
  wrongState: (e: Enrolment, action: string) =>
    new DomainProblem(
      409,
      'enrolment-state',
      'Not possible in the enrolment’s current state',
      `cannot ${action}: the enrolment is ${e.status}`,
      { currentState: e.status, enrolmentId: e.enrolmentId },
    ),
  staffLeft: (nip: string) => new DomainProblem(409, 'staff-left', 'Staff has left', `NIP ${nip} has left the service`),
};
