import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** A command route: 201, and the headers that make retries and concurrent edits safe. */
export function CommandRoute(options: { ifMatch?: boolean; status?: number } = {}) {
  return applyDecorators(
    HttpCode(options.status ?? 201),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (8–200 chars); a retry with the same key returns the first answer and changes nothing',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Written into every event this request causes; created when absent',
    }),
    ...(options.ifMatch
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The version (ETag) you last saw; 409 if it changed since',
          }),
        ]
      : []),
  );
}
