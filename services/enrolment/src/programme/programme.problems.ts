import { DomainError } from '@kompeten/domain';
import type { Enrolment, ProgrammeState } from './programme.state';

/** The programme decider's refusals, each with its kind (the HTTP edge maps it to a status) and problem type. */
export const problems = {
  notFound: (id?: string) =>
    DomainError.notFound('programme-not-found', 'Unknown programme', `no programme ${id ?? ''}`.trim()),
  exists: (id: string) =>
    DomainError.conflict('programme-exists', 'Programme already published', `programme ${id} already exists`),
  cancelled: (s: ProgrammeState) =>
    DomainError.conflict('programme-cancelled', 'Programme cancelled', `programme ${s.programmeId} is cancelled`),
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  notEnrolled: (nip: string) =>
    DomainError.notFound('enrolment-not-found', 'Not enrolled', `NIP ${nip} is not enrolled in this programme`),
  alreadyEnrolled: (e: Enrolment) =>
    DomainError.conflict('already-enrolled', 'Already enrolled', `NIP ${e.nip} is already enrolled (${e.status})`, {
      currentState: e.status,
      enrolmentId: e.enrolmentId,
    }),
  wrongState: (e: Enrolment, action: string) =>
    DomainError.conflict(
      'enrolment-state',
      'Not possible in the enrolment’s current state',
      `cannot ${action}: the enrolment is ${e.status}`,
      { currentState: e.status, enrolmentId: e.enrolmentId },
    ),
  alreadyReleased: (e: Enrolment) =>
    DomainError.conflict(
      'already-released',
      'Already released',
      `NIP ${e.nip} was released on ${e.release?.approvedOn} (surat tugas ${e.release?.suratTugas.number}): a release is not declined afterwards — the staff member withdraws instead`,
      { currentState: e.status, enrolmentId: e.enrolmentId },
    ),
  staffLeft: (nip: string) => DomainError.conflict('staff-left', 'Staff has left', `NIP ${nip} has left the service`),
  enrolmentClosed: (s: ProgrammeState, firstSession: string) =>
    DomainError.conflict(
      'enrolment-closed',
      'Enrolment closed',
      `programme ${s.programmeId} began on ${firstSession} and does not allow late enrolment`,
      { firstSession },
    ),
  /** Well-formed, but the rule refuses it: an officer may complete anyway with a coded attendanceOverride. */
  attendanceBelowThreshold: (attended: number, sessions: number, threshold: number) =>
    DomainError.unprocessable(
      'attendance-below-threshold',
      'Attendance below the programme’s threshold',
      `attendance: ${attended} of ${sessions} sessions attended, the programme asks for ${Math.round(threshold * 100)} %; complete with an attendanceOverride and its reason, or record non-completion`,
      { field: 'attendance', attended, sessions, threshold },
    ),
};
