import * as assessment from './assessment';
import * as budget from './budget';
import * as enrolment from './enrolment';
import * as feedback from './feedback';
import { isUseCase, type UseCase } from './use-case';

/**
 * Every declared use case, found among the exports of the services' folders: declaring one is
 * exporting it from its file (and its folder's index) — there is no second list to keep.
 */
export const USE_CASES: readonly UseCase[] = [enrolment, assessment, budget, feedback].flatMap((folder) =>
  Object.values(folder).filter(isUseCase),
);
