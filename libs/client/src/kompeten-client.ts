import type * as Api from '@kompeten/api';
import { fillPath, isCommand, USE_CASES, type ResponseOf, type TSchema, type UseCase } from '@kompeten/api';
import { KompetenProblem } from './kompeten-problem';
import { encodeQuery, fetchTransport, type Transport, type TransportRequest } from './transport';

/** The gateway serves every published use case under this prefix. */
export const API_PREFIX = '/api/v1';

type Declarations = typeof Api;

/** The exports of @kompeten/api that are published use case declarations: each one becomes a method. */
export type UseCaseName = {
  [K in keyof Declarations]: Declarations[K] extends UseCase
    ? Declarations[K] extends { internal?: true }
      ? never
      : K
    : never;
}[keyof Declarations];

/** Nothing to add (an empty part of a request). */
type None = Record<never, never>;

/** What every call may add: the command headers, headers of your own, a signal to abort. */
export interface CallOptions {
  /** Commands: any unique string (8–200 chars); a retry with the same key returns the first answer. */
  idempotencyKey?: string;
  /** Commands that honour it: the version you last saw (`CommandAccepted.version`, or an ETag as received). */
  ifMatch?: number | string;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
}

/**
 * A use case's request as the client takes it: `params` only when the path has parameters, `body`
 * only when the use case has one, `query` when it has one (optional when every field is), and the
 * call options.
 */
export type ClientRequest<U> =
  U extends UseCase<infer P, infer B, infer Q, TSchema>
    ? ([P] extends [never] ? None : { params: Record<P, string> }) &
        ([B] extends [undefined] ? None : { body: B }) &
        ([Q] extends [undefined] ? None : None extends Q ? { query?: Q } : { query: Q }) &
        CallOptions
    : never;

/** A use case's method: the request (optional when nothing in it is required) → the 2xx body. */
export type ClientMethod<U> =
  None extends ClientRequest<U>
    ? (request?: ClientRequest<U>) => Promise<ResponseOf<U>>
    : (request: ClientRequest<U>) => Promise<ResponseOf<U>>;

/** One method per declared use case, named, typed and documented by its declaration. */
export type KompetenClient = { readonly [K in UseCaseName]: ClientMethod<Declarations[K]> };

export interface KompetenClientOptions {
  /** The gateway, e.g. `http://127.0.0.1:3000` (no `/api/v1`). */
  baseUrl: string;
  /** A bearer token, or a function giving one per call (refreshing it as needed); none for public use cases. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** The fetch the default transport uses (the global one unless given). */
  fetch?: typeof fetch;
  /** Your own HTTP (retries, rate limits, tokens per actor, a test double); replaces the fetch transport. */
  transport?: Transport;
}

/** The request the untyped parts of a call are read from. */
interface AnyRequest extends CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  query?: object;
}

/** Query values as text; absent (undefined, null) ones left out. */
function queryOf(query: object | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {}) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = value.map((v) => String(v)).join(',');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[name] = String(value);
    else out[name] = JSON.stringify(value);
  }
  return out;
}

const etag = (version: number | string) => (typeof version === 'number' ? `"${version}"` : version);

/**
 * The typed client of the gateway: `client.enrolStaff({ params: { programmeId }, body: { nip } })`
 * answers the use case's 2xx body; any other answer throws a KompetenProblem. The methods are made
 * from the declarations in @kompeten/api (USE_CASES), so a new use case is a new method.
 */
export function createKompetenClient(options: KompetenClientOptions): KompetenClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const transport = options.transport ?? fetchTransport(options.fetch);
  const tokenOf = async () => (typeof options.token === 'function' ? await options.token() : options.token);

  const call = async (u: UseCase, request: AnyRequest = {}): Promise<unknown> => {
    const path = `${API_PREFIX}${fillPath(u.path, request.params ?? {})}`;
    const query = queryOf(request.query);
    const body = isCommand(u) ? (request.body ?? {}) : undefined;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = await tokenOf();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
    if (request.ifMatch !== undefined) headers['If-Match'] = etag(request.ifMatch);
    Object.assign(headers, request.headers);
    const encoded = encodeQuery(query);
    const sent: TransportRequest = {
      operation: u.name,
      method: u.method,
      path,
      query,
      body,
      headers,
      url: `${baseUrl}${path}${encoded ? `?${encoded}` : ''}`,
      ...(request.signal ? { signal: request.signal } : {}),
    };
    const answer = await transport(sent);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw new KompetenProblem(u.name, u.method, path, answer.status, answer.body, answer.headers);
  };

  const methods: Record<string, (request?: AnyRequest) => Promise<unknown>> = {};
  // An internal use case is served by its service only: no method (and none in the type either).
  for (const u of USE_CASES) if (!u.internal) methods[u.name] = (request) => call(u, request);
  // The one cast: methods made at runtime from USE_CASES take their types from the declarations'
  // exports; a spec checks that each export's key is its name, so both lists are the same.
  return methods as unknown as KompetenClient;
}
