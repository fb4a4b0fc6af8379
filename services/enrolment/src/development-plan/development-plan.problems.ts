import { DomainError } from '@kompeten/domain';
import type { DevelopmentPlanState } from './development-plan.state';

/** Where the plan stands, in every 409: the client knows which revision to name without re-reading. */
const current = (s: DevelopmentPlanState) => ({ currentRevision: s.revision, currentState: s.status });

/** The development plan's refusals (the HTTP edge maps the kind to a status). */
export const developmentPlanProblems = {
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  notFound: (nip: string, year: number) =>
    DomainError.notFound(
      'development-plan-not-found',
      'No development plan',
      `NIP ${nip} has no development plan for ${year}`,
    ),
  staffLeft: (nip: string) =>
    DomainError.conflict('staff-left', 'Staff member has left', `NIP ${nip} no longer serves the city: no new plan`),
  stale: (s: DevelopmentPlanState, revision: number) =>
    DomainError.conflict(
      'development-plan-revision-changed',
      'The plan has changed',
      `revision ${revision} is not the current one: the plan is at revision ${s.revision} (${s.status}); read it again`,
      current(s),
    ),
  /** The gateway let the head act for `opd`; the staff member works elsewhere. */
  otherUnit: (nip: string, staffOpd: string, opd: string) =>
    DomainError.forbidden(
      'staff-of-another-unit',
      'Staff of another unit',
      `NIP ${nip} works in ${staffOpd}, not ${opd}: only the head of their own OPD agrees to their plan`,
      { field: 'nip' },
    ),
};
