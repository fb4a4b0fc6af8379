/**
 * Why a command or query was refused, in the domain's words. The HTTP edge (`toProblem` in
 * @kompeten/platform) turns the kind into a status with one table, DOMAIN_ERROR_STATUS:
 *
 *   not-found 404 · conflict 409 · invalid 400 · unprocessable 422 · gone 410 · unavailable 503 · forbidden 403
 */
export type DomainErrorKind =
  'not-found' | 'conflict' | 'invalid' | 'unprocessable' | 'gone' | 'unavailable' | 'forbidden';

/** One wrong input field, as the `errors` extension lists it. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * A refusal thrown by deciders, their rules and handlers. Framework-free on purpose: a decider
 * that throws one loads no Nest, TypeORM or kafkajs (libs/domain/src/framework-free.spec.ts).
 *
 * The problem+json body it becomes: `type` is the problem base + `slug`, then `title`, the kind's
 * status, `detail` (the Error message), the request path as `instance`, and the `extensions`.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** The stable problem type, e.g. `programme-not-found`; clients branch on it. */
    readonly slug: string,
    /** A short, human summary of the problem type (the same for every instance of a slug). */
    readonly title: string,
    /** This occurrence, in words: the Error message and the body's `detail`. */
    detail: string,
    /** Further members of the body, e.g. `currentState`, `errors`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  /** The body's `detail`: the Error message. */
  get detail(): string {
    return this.message;
  }

  /** One input field is wrong: problem type `validation`, with `errors: [{ field, message }]`. */
  static invalid(field: string, message: string): DomainError {
    return new DomainError('invalid', 'validation', 'The request is not valid', `${field}: ${message}`, {
      errors: [{ field, message }] satisfies FieldError[],
    });
  }

  /** What the command or query names does not exist. */
  static notFound(slug: string, title: string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError('not-found', slug, title, detail, extensions);
  }

  /** Not possible in the current state (already done, closed, cancelled, …). */
  static conflict(slug: string, title: string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError('conflict', slug, title, detail, extensions);
  }

  /** Well-formed, but it refers to something this service does not know (e.g. an unknown enrolment). */
  static unprocessable(slug: string, title: string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError('unprocessable', slug, title, detail, extensions);
  }

  /** It existed and is gone for good (e.g. erased personal data). */
  static gone(slug: string, title: string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError('gone', slug, title, detail, extensions);
  }

  /**
   * Outside the caller's scope in a way only the service can tell (e.g. a unit head naming staff of
   * another unit in a body): the gateway's role check passed, the data says no.
   */
  static forbidden(slug: string, title: string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError('forbidden', slug, title, detail, extensions);
  }

  /** Not now: the caller may retry shortly (e.g. a read model still catching up). */
  static unavailable(slug: string, title: string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError('unavailable', slug, title, detail, extensions);
  }
}
