import { Semaphore } from '../run/semaphore';

/** Who makes a request: each actor has its own token (and so its own rate limit), as real users and kiosks do. */
export interface Actor {
  role: 'admin' | 'training-officer' | 'kiosk' | 'auditor';
  sub: string;
  unit?: string;
}
export type TokenIssuer = (actor: Actor) => Promise<string>;

export interface Answer {
  status: number;
  /** The parsed JSON (null when empty), or the text of any other answer (CSV, plain text). */
  body: unknown;
  retryAfter: number | null;
  date: string | null;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  idempotencyKey?: string;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The fields of the gateway's problem+json bodies (RFC 9457, plus `currentState` on a 409), each possibly absent. */
interface ProblemFields {
  type?: unknown;
  title?: string;
  detail?: string;
  currentState?: string;
}
/** The body's problem fields; none for a body that is not an object (no body, CSV, plain text). */
const problemOf = (a: Answer): ProblemFields => (typeof a.body === 'object' && a.body !== null ? a.body : {});

/** The problem type's last segment (`staff-exists`), or '' for a body that is not problem+json. */
export const problemCode = (a: Answer) => {
  const { type } = problemOf(a);
  return typeof type === 'string' ? (type.split('/').pop() ?? '') : '';
};

export class GatewayError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly answer: Answer,
  ) {
    super(
      `${method} ${path} → ${answer.status} ${problemCode(answer) || ''}: ${problemOf(answer).detail ?? problemOf(answer).title ?? JSON.stringify(answer.body)?.slice(0, 300)}`,
    );
  }
}

/**
 * The gateway's public API, and nothing else. At most 2 × `concurrency` requests are in flight; a request
 * is retried when retrying is safe — the gateway or a service is briefly unavailable (503 with
 * Retry-After, 502/504, a network error), a rate limit (429), the same Idempotency-Key is still
 * being processed (409), or the command lost a race for its stream's version (409 conflict: nothing
 * was written). Commands carry an Idempotency-Key, so a retried command never acts twice.
 */
export class GatewayClient {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly slots: Semaphore;
  requests = 0;
  retries = 0;

  /** `concurrency` per step; the training and the survey steps run side by side, so twice that in flight. */
  constructor(
    readonly baseUrl: string,
    private readonly issue: TokenIssuer,
    concurrency = 8,
    private readonly maxAttempts = 12,
  ) {
    this.slots = new Semaphore(concurrency * 2);
  }

  private token(actor: Actor): Promise<string> {
    const key = `${actor.role}:${actor.sub}`;
    if (!this.tokens.has(key)) this.tokens.set(key, this.issue(actor));
    return this.tokens.get(key)!;
  }

  async send(actor: Actor | null, method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<Answer> {
    const query = Object.entries(options.query ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    const url = `${this.baseUrl}/api/v1${path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (actor) headers.Authorization = `Bearer ${await this.token(actor)}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    for (let attempt = 1; ; attempt++) {
      const answer = await this.slots.use(() => this.once(method, url, headers, options.body));
      // Lost a race for the stream version (the service retried and lost again): nothing was appended,
      // and the gateway released the key, so the same command is sent again under the same key.
      const raced = answer?.status === 409 && problemCode(answer) === 'conflict';
      // A 500 is retried a few times too (the gateway releases the key of a failed command): a bug
      // should not stop the whole city, and it is counted and reported if it persists.
      const retry =
        answer === null ||
        raced ||
        RETRY_STATUSES.has(answer.status) ||
        (answer.status === 500 && attempt < 4) ||
        (answer.status === 409 &&
          /still being processed/.test(`${problemOf(answer).title} ${problemOf(answer).detail}`));
      if (!retry || attempt >= this.maxAttempts) {
        if (answer === null) throw new Error(`${method} ${path}: the gateway did not answer after ${attempt} attempts`);
        return answer;
      }
      this.retries++;
      await sleep(answer?.retryAfter ? answer.retryAfter * 1000 : Math.min(5000, 100 * 2 ** attempt));
    }
  }

  /**
   * Like send, but anything but the expected statuses, problem codes (`staff-exists`) or codes with
   * the current state (`enrolment-state:completed`: a retried command found its own work done) is an error.
   */
  async expect(
    actor: Actor | null,
    method: 'GET' | 'POST',
    path: string,
    ok: (number | string)[],
    options: RequestOptions = {},
  ): Promise<Answer> {
    const answer = await this.send(actor, method, path, options);
    const code = problemCode(answer);
    if (ok.includes(answer.status) || ok.includes(code) || ok.includes(`${code}:${problemOf(answer).currentState}`))
      return answer;
    throw new GatewayError(method, path, answer);
  }

  private async once(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<Answer | null> {
    this.requests++;
    try {
      const res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* CSV or plain text */
      }
      const retryAfter = Number(res.headers.get('retry-after'));
      return {
        status: res.status,
        body: parsed,
        retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        date: res.headers.get('date'),
      };
    } catch {
      return null; // refused, reset or timed out: safe to retry (commands carry an Idempotency-Key)
    }
  }
}
