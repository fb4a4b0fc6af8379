import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@kompeten/api';
import { problemResponse } from '@kompeten/platform';

/** Documents a hand-written route's error answers (problem+json) and its security (use cases get theirs from the declaration). */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ApiBearerAuth(),
    ...[401, 403, 429, 503, ...statuses].map(problemResponse),
  );
}
