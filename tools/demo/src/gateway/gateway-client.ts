import {
  createKompetenClient,
  KompetenProblem,
  parseBody,
  type KompetenClient,
  type ProblemDocument,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '@kompeten/client';
import { Semaphore } from '../run/semaphore';

/** Who makes a request: each actor has its own token (and so its own rate limit), as real users and kiosks do. */
export interface Actor {
  role: 'admin' | 'training-officer' | 'unit-head' | 'staff' | 'kiosk' | 'auditor' | 'learning-platform';
  sub: string;
  /** unit-head: the OPD they head (claim `unit`). */
  unit?: string;
  /** staff: their own NIP (claim `nip`). */
  nip?: string;
  /** learning-platform: its client id at the identity provider (claim `azp` of a client-credentials token). */
  clientId?: string;
}
export type TokenIssuer = (actor: Actor) => Promise<string>;

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The body's problem fields; none for a body that is not an object (no body, CSV, plain text). */
const problemOf = (a: TransportResponse): ProblemDocument =>
  typeof a.body === 'object' && a.body !== null ? (a.body as ProblemDocument) : {};

/** The problem type's last segment (`staff-exists`), or '' for a body that is not problem+json. */
const problemCode = (a: TransportResponse) => {
  const { type } = problemOf(a);
  return typeof type === 'string' ? (type.split('/').pop() ?? '') : '';
};

/** Seconds the answer asks to wait before trying again, or null. */
const retryAfterOf = (a: TransportResponse) => {
  const seconds = Number(a.headers['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
};

/**
 * The gateway's public API, and nothing else: the typed client (@kompeten/client) over a transport
 * that keeps at most 2 × `concurrency` requests in flight and retries when retrying is safe — the
 * gateway or a service is briefly unavailable (503 with Retry-After, 502/504, a network error), a
 * rate limit (429), the same Idempotency-Key is still being processed (409), or the command lost a
 * race for its stream's version (409 conflict: nothing was written), or the service is still running
 * the first copy of the command (409 command-in-progress). Commands carry an
 * Idempotency-Key, sent again unchanged with every retry, so a retried command never acts twice.
 */
export class GatewayClient {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly clients = new Map<string, KompetenClient>();
  private readonly slots: Semaphore;
  requests = 0;
  retries = 0;
  /** Sees every answer as it arrives (tests check them against the OpenAPI document). */
  observe?: (request: TransportRequest, answer: TransportResponse) => void;

  /** `concurrency` per step; the training and the survey steps run side by side, so twice that in flight. */
  constructor(
    readonly baseUrl: string,
    private readonly issue: TokenIssuer,
    concurrency = 8,
    private readonly maxAttempts = 12,
  ) {
    this.slots = new Semaphore(concurrency * 2);
  }

  /** The typed API as this actor (with its own token), or with no token for the public endpoints. */
  as(actor: Actor | null): KompetenClient {
    const key = actor ? `${actor.role}:${actor.sub}` : '';
    let client = this.clients.get(key);
    if (!client) {
      client = createKompetenClient({
        baseUrl: this.baseUrl,
        ...(actor ? { token: () => this.tokenOf(actor) } : {}),
        transport: this.transport,
      });
      this.clients.set(key, client);
    }
    return client;
  }

  /** The actor's token (one per actor, made once): for the calls the typed client has no operation for (xAPI). */
  tokenOf(actor: Actor): Promise<string> {
    const key = `${actor.role}:${actor.sub}`;
    if (!this.tokens.has(key)) this.tokens.set(key, this.issue(actor));
    return this.tokens.get(key)!;
  }

  /** The client's transport: the request pool and the retries. */
  readonly transport: Transport = async (request) => {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.slots.use(() => this.once(request));
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
          (/still being processed/.test(`${problemOf(answer).title} ${problemOf(answer).detail}`) ||
            // The service is still running the first copy (the gateway gave up waiting for it): ask again.
            problemCode(answer) === 'command-in-progress'));
      if (!retry || attempt >= this.maxAttempts) {
        if (answer === null)
          throw new Error(`${request.method} ${request.path}: the gateway did not answer after ${attempt} attempts`);
        return answer;
      }
      this.retries++;
      const wait = answer ? retryAfterOf(answer) : null;
      await sleep(wait ? wait * 1000 : Math.min(5000, 100 * 2 ** attempt));
    }
  };

  private async once(request: TransportRequest): Promise<TransportResponse | null> {
    this.requests++;
    try {
      const res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(30_000),
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
      const answer = { status: res.status, body: parseBody(await res.text()), headers };
      this.observe?.(request, answer);
      return answer;
    } catch {
      return null; // refused, reset or timed out: safe to retry (commands carry an Idempotency-Key)
    }
  }
}

/**
 * The call's answer, or undefined when it failed with one of the expected problems: a code
 * (`staff-exists`) or a code with the current state (`enrolment-state:completed`: a retried command
 * found its own work done). Any other failure is thrown.
 */
export async function unless<T>(call: Promise<T>, ...expected: string[]): Promise<T | undefined> {
  try {
    return await call;
  } catch (e) {
    if (
      e instanceof KompetenProblem &&
      (expected.includes(e.code) || expected.includes(`${e.code}:${e.problem.currentState}`))
    )
      return undefined;
    throw e;
  }
}
