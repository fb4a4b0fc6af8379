import { DomainError, type FieldError } from '@kompeten/domain';
import type { TrainingPlanState } from './training-plan.state';

/** Where the plan stands, in every 409: the client re-reads nothing to know what to do next. */
const current = (s: TrainingPlanState) => ({ currentRevision: s.revision, currentState: s.status });

/** The training plan's refusals (the HTTP edge maps the kind to a status). */
export const planProblems = {
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  /** Several fields at once (e.g. every line naming an unknown competency). */
  invalidFields: (errors: FieldError[]) =>
    new DomainError(
      'invalid',
      'validation',
      'The request is not valid',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
    ),
  notFound: (opd: string, year: number) =>
    DomainError.notFound('training-plan-not-found', 'No training plan', `${opd} has no training plan for ${year}`),
  exists: (s: TrainingPlanState) =>
    DomainError.conflict(
      'training-plan-exists',
      'Training plan already drafted',
      `${s.opd} already has a training plan for ${s.year} (revision ${s.revision}, ${s.status}): revise it instead`,
      current(s),
    ),
  stale: (s: TrainingPlanState, revision: number) =>
    DomainError.conflict(
      'training-plan-revision-changed',
      'The plan has changed',
      `revision ${revision} is not the current one: the plan is at revision ${s.revision} (${s.status}); read it again`,
      current(s),
    ),
  wrongState: (s: TrainingPlanState, action: string) =>
    DomainError.conflict(
      'training-plan-state',
      'Not possible in the plan’s current state',
      `cannot ${action} revision ${s.revision}: the plan is ${s.status}`,
      current(s),
    ),
};
