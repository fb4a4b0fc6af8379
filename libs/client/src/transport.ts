/** One HTTP exchange as the client asks for it: the use case's route filled in, headers set. */
export interface TransportRequest {
  /** The use case (`enrolStaff`), for logs and metrics. */
  operation: string;
  method: 'GET' | 'POST';
  /** The gateway path, parameters filled in and URL-encoded: `/api/v1/programmes/kom-2026/enrolments`. */
  path: string;
  /** The query parameters (absent ones left out), not yet encoded. */
  query: Readonly<Record<string, string>>;
  /** The JSON body, not yet serialised (undefined for a GET). */
  body: unknown;
  /** Accept, Content-Type, Authorization, Idempotency-Key, If-Match, and the caller's own. */
  headers: Readonly<Record<string, string>>;
  /** `baseUrl` + `path` + the encoded query: ready to fetch. */
  url: string;
  signal?: AbortSignal;
}

/** The answer: its status, its body (parsed JSON, a PDF's bytes, the text of any other answer, null when empty), its headers. */
export interface TransportResponse {
  status: number;
  body: unknown;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Sends one request. The default one uses `fetch`; plug in your own for retries, rate limits,
 * tokens per actor or a test double. Answer every status (a 4xx is not an error here); throw only
 * when there is no answer at all.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** `k=v&…`, each part URL-encoded; '' when there is nothing. */
export const encodeQuery = (query: Readonly<Record<string, string>>) =>
  Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/** The parsed JSON of a body (null when empty), or its text when it is not JSON (CSV, plain text). */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The transport over `fetch` (the global one unless given). */
export function fetchTransport(fetchFn: typeof fetch = fetch): Transport {
  return async (request) => {
    const res = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    // A document (a certificate's PDF) is its bytes; anything else JSON or text.
    if (headers['content-type']?.startsWith('application/pdf'))
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()), headers };
    return { status: res.status, body: parseBody(await res.text()), headers };
  };
}
