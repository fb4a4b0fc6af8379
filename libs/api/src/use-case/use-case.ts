import type { Type as Class } from '@nestjs/common';
import type { Static, TSchema } from '@sinclair/typebox';
import type { AccessRule } from './access';
import type { ParamRule } from './params';

/** The services behind the gateway. */
export type ServiceName = 'enrolment' | 'assessment' | 'budget' | 'feedback';

/** Error answers a use case may give (besides the 401/403/429/503 every gateway route can). */
export type ProblemStatus = 400 | 404 | 409 | 410 | 422;

/**
 * One use case, declared once. From it come the service's route, the gateway's route (which
 * forwards to it), the OpenAPI operation, the access rule the gateway enforces and the typed
 * client's call. Paths use `:param` segments; the gateway serves `/api/v1` + `path`.
 */
export interface UseCase<
  P extends string = string,
  B extends object | undefined = object | undefined,
  Q extends object | undefined = object | undefined,
  R extends TSchema = TSchema,
> {
  /** The operation id and the client's method name: a verb first (`enrolStaff`, `getBudget`). */
  name: string;
  /** Which service owns it (its handler runs there). */
  service: ServiceName;
  method: 'GET' | 'POST';
  path: string;
  /** The OpenAPI tag (the resource, as frontend teams look for it). */
  tag: string;
  summary: string;
  /** Each `:param` of the path with its rule. */
  params: Record<P, ParamRule>;
  /** The request body (class-validator validates it at the gateway and again at the service). */
  body?: Class<B>;
  /** The query parameters, as a class-validator class. */
  query?: Class<Q>;
  /** The 2xx body. */
  response: R;
  /** 201 for commands, 200 for queries unless said otherwise. */
  status?: 200 | 201;
  /** Also answers 200 with the same body (e.g. a resend the service recognises). */
  alsoOk?: string;
  /** A CSV alternative to the JSON answer (`format=csv`). */
  csv?: boolean;
  /**
   * The answer's media type when it is text rather than JSON (e.g. `text/calendar`): `response` is then
   * a string schema, documented under that type, and the service answers it with `; charset=utf-8`.
   * `application/pdf`: the handler answers the document's bytes (a Uint8Array), passed through as they are.
   */
  produces?: `text/${string}` | 'application/pdf';
  access: AccessRule;
  problems: readonly ProblemStatus[];
  /** A command that honours If-Match (the version the client last saw). */
  ifMatch?: boolean;
  /** Citizens' endpoints get their own, lower rate limit. */
  rateLimit?: 'public-survey';
  /**
   * The gateway serves this at its own `path` but forwards to another use case's service route
   * (e.g. the public scorecards read the league table). The service has no route of its own for it.
   */
  forwardsTo?: UseCase;
  /** Only the gateway serves it (composed there, e.g. the staff profile with competencies). */
  composed?: boolean;
  /** Served by the service only (called by the gateway or by operators), not published. */
  internal?: boolean;
}

/**
 * Declares a use case, inferring its parameter names, body, query and response types — and whether
 * it is internal, so that the typed client offers no method for what the gateway does not serve.
 */
export const defineUseCase = <
  const P extends string = never,
  B extends object | undefined = undefined,
  Q extends object | undefined = undefined,
  R extends TSchema = TSchema,
  const I extends boolean = false,
>(
  useCase: UseCase<P, B, Q, R> & { internal?: I },
): UseCase<P, B, Q, R> & { internal?: I } => useCase;

/** Is it a command (appends events) rather than a query? */
export const isCommand = (u: Pick<UseCase, 'method'>) => u.method === 'POST';

/** The answer's HTTP status. */
export const successStatus = (u: Pick<UseCase, 'method' | 'status'>) => u.status ?? (isCommand(u) ? 201 : 200);

/** The request a use case takes, as its handler and the client see it. */
export interface RequestOf<U extends UseCase<string, object | undefined, object | undefined, TSchema>> {
  params: U extends UseCase<infer P, object | undefined, object | undefined, TSchema> ? Record<P, string> : never;
  body: U extends UseCase<string, infer B, object | undefined, TSchema> ? B : never;
  query: U extends UseCase<string, object | undefined, infer Q, TSchema> ? Q : never;
}

/** The 2xx body a use case answers. */
export type ResponseOf<U> =
  U extends UseCase<string, object | undefined, object | undefined, infer R> ? Static<R> : never;

/** `/staff/:nip` with `{ nip }` → `/staff/198609…` (each value URL-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** The path parameters a path names, in order. */
export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** Is this export a use case declaration? (The catalogue below is built from the exports.) */
export const isUseCase = (value: unknown): value is UseCase =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UseCase).name === 'string' &&
  typeof (value as UseCase).path === 'string' &&
  typeof (value as UseCase).service === 'string' &&
  'response' in value &&
  'access' in value;
