/** An RFC 9457 problem+json body as Kompeten answers it; every member may be absent. */
export interface ProblemDocument {
  /** `https://kompeten.bukittinggi.go.id/problems/<slug>`. */
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** On a 409 about a state: the state the thing is in (`completed`). */
  currentState?: string;
  /** On a 400: each refused field. */
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

/**
 * A non-2xx answer of the gateway: its status and its problem+json body. `code` is the problem
 * type's last segment (`staff-exists`), what callers branch on.
 */
export class KompetenProblem extends Error {
  override readonly name = 'KompetenProblem';
  /** The body as problem+json (a body that was not JSON is kept as the `detail`). */
  readonly problem: ProblemDocument;

  constructor(
    /** The use case called (`enrolStaff`). */
    readonly operation: string,
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** The answer's body as received. */
    readonly body: unknown,
    /** The answer's headers, lower-case names. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const problem: ProblemDocument =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as ProblemDocument)
        : { status, ...(body === null || body === undefined || body === '' ? {} : { detail: textOf(body) }) };
    const code = problemCode(problem);
    super(
      `${operation}: ${method} ${path} → ${status}${code ? ` ${code}` : ''}: ${problem.detail ?? problem.title ?? ''}`.trim(),
    );
    this.problem = problem;
  }

  /** The problem type's last segment (`staff-exists`, `validation`), or '' when the body has no type. */
  get code(): string {
    return problemCode(this.problem);
  }

  /** Seconds the gateway asked to wait (429, 503), or null. */
  get retryAfter(): number | null {
    const seconds = Number(this.headers['retry-after']);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
  }
}

/** A body that is not problem+json (a proxy's HTML, plain text), shortened. */
const textOf = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 500);

const problemCode = (p: ProblemDocument) => (typeof p.type === 'string' ? (p.type.split('/').pop() ?? '') : '');

/** Is this a KompetenProblem, optionally with one of these codes or statuses? */
export function isKompetenProblem(error: unknown, ...codes: (string | number)[]): error is KompetenProblem {
  if (!(error instanceof KompetenProblem)) return false;
  return codes.length === 0 || codes.includes(error.code) || codes.includes(error.status);
}
