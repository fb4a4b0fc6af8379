import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Flattens nested class-validator errors into `{ field: 'sessions[0].date', message }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix
      ? /^\d+$/.test(e.property)
        ? `${prefix}[${e.property}]`
        : `${prefix}.${e.property}`
      : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Deeper than this, a body is refused before class-transformer sees it. */
export const MAX_INPUT_DEPTH = 32;
// Postgres jsonb cannot hold U+0000 or a lone UTF-16 surrogate (SQLSTATE 22P05): the append would fail.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * The first thing in an input that no command may carry, or undefined: a string (value or key) with a
 * NUL character or an unpaired surrogate, or an object or array nested deeper than `MAX_INPUT_DEPTH`.
 * Iterative, so that the walk itself cannot overflow the stack on the input it is meant to refuse.
 */
export function unacceptableInput(
  input: unknown,
  maxDepth = MAX_INPUT_DEPTH,
): { field: string; message: string } | undefined {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: input, field: '', depth: 0 }];
  while (stack.length) {
    const { value, field, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value))
        return { field: field || '(value)', message: 'must not contain NUL characters or unpaired surrogates' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth)
      return { field: field || '(body)', message: `is nested too deeply (more than ${maxDepth} levels)` };
    for (const [key, child] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${field}[${key}]` : field ? `${field}.${key}` : key;
      if (unstorable(key)) return { field: at, message: 'must not contain NUL characters or unpaired surrogates' };
      stack.push({ value: child, field: at, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Refuses unstorable or over-deep input with a 400 before the usual validation runs. */
class KompetenValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameter decorators hand over server-side objects (the request, metadata), not input.
    if (metadata.type !== 'custom') {
      const problem = unacceptableInput(value);
      if (problem) throw new BadRequestException({ errors: [problem] });
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting validation: unknown fields are refused, not silently dropped. */
export function validationPipe(): ValidationPipe {
  return new KompetenValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException({ errors: flattenValidationErrors(errors) }),
  });
}
