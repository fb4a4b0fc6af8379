import * as api from '@kompeten/api';
import { isCommand, isUseCase, pathParams, USE_CASES, type UseCase } from '@kompeten/api';
import { createKompetenClient, type KompetenClient, type UseCaseName } from './kompeten-client';
import { isKompetenProblem, KompetenProblem } from './kompeten-problem';
import { fetchTransport, type TransportRequest, type TransportResponse } from './transport';

/** A transport that records what it is asked and answers from a script (201 `{}` by default). */
function fakeTransport(answer: (r: TransportRequest) => Partial<TransportResponse> = () => ({})) {
  const sent: TransportRequest[] = [];
  const transport = (r: TransportRequest): Promise<TransportResponse> => {
    sent.push(r);
    return Promise.resolve({ status: 201, body: {}, headers: {}, ...answer(r) });
  };
  return { sent, transport };
}

const accepted = { streamId: 'programme-kom-2026', version: 3, events: ['StaffEnrolled'] };
/** Calls a method by name, for the loops over every use case (the typed calls are below). */
const untyped = (client: KompetenClient, name: string) =>
  (client as unknown as Record<string, (request?: object) => Promise<unknown>>)[name];

describe('the typed client', () => {
  it('fills the path parameters, URL-encoded, under /api/v1, and answers the 2xx body', async () => {
    const { sent, transport } = fakeTransport(() => ({ body: accepted }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test/', transport });
    const answer = await client.enrolStaff({
      params: { programmeId: 'kom efektif/2026?' },
      body: { nip: '198609262015051001' },
    });
    expect(answer.version).toBe(3);
    expect(sent[0]).toMatchObject({
      operation: 'enrolStaff',
      method: 'POST',
      path: '/api/v1/programmes/kom%20efektif%2F2026%3F/enrolments',
      url: 'http://gw.test/api/v1/programmes/kom%20efektif%2F2026%3F/enrolments',
      body: { nip: '198609262015051001' },
    });
  });

  it('sends the query, leaving absent values out', async () => {
    const { sent, transport } = fakeTransport(() => ({ status: 200 }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport });
    await client.getUtilisation({ query: { fiscalYear: 2026, by: 'programme', opd: undefined } });
    expect(sent[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/utilisation',
      query: { fiscalYear: '2026', by: 'programme' },
      url: 'http://gw.test/api/v1/utilisation?fiscalYear=2026&by=programme',
      body: undefined,
    });
    expect(sent[0].headers).not.toHaveProperty('Content-Type');
  });

  it('encodes query values', async () => {
    const { sent, transport } = fakeTransport(() => ({ status: 200 }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport });
    await client.getUtilisation({ query: { opd: 'A&B =C' } });
    expect(sent[0].url).toBe('http://gw.test/api/v1/utilisation?opd=A%26B%20%3DC');
  });

  it('sends {} as the body of a command that has none', async () => {
    const bodiless = USE_CASES.find((u) => isCommand(u) && !u.body && !u.internal);
    if (!bodiless) return; // every command has a body today
    const { sent, transport } = fakeTransport();
    const params = Object.fromEntries(pathParams(bodiless.path).map((p) => [p, 'x']));
    await untyped(createKompetenClient({ baseUrl: 'http://gw.test', transport }), bodiless.name)({ params });
    expect(sent[0].body).toEqual({});
    expect(sent[0].headers['Content-Type']).toBe('application/json');
  });

  it('sets Accept, Content-Type, Authorization, Idempotency-Key, If-Match and the caller’s headers', async () => {
    const { sent, transport } = fakeTransport(() => ({ body: accepted }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', token: 'tok-1', transport });
    await client.enrolStaff({
      params: { programmeId: 'kom-2026' },
      body: { nip: '198609262015051001' },
      idempotencyKey: 'demo.enrol.kom-2026.1',
      ifMatch: 3,
      headers: { 'X-Correlation-Id': 'c-1' },
    });
    await client.enrolStaff({
      params: { programmeId: 'kom-2026' },
      body: { nip: '198609262015051001' },
      ifMatch: 'W/"4"',
    });
    expect(sent[0].headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer tok-1',
      'Idempotency-Key': 'demo.enrol.kom-2026.1',
      'If-Match': '"3"',
      'X-Correlation-Id': 'c-1',
    });
    expect(sent[1].headers).not.toHaveProperty('Idempotency-Key');
    expect(sent[1].headers['If-Match']).toBe('W/"4"');
  });

  it('asks a token function on every call, and sends no Authorization without a token', async () => {
    const { sent, transport } = fakeTransport(() => ({ status: 200 }));
    let n = 0;
    const client = createKompetenClient({
      baseUrl: 'http://gw.test',
      token: () => Promise.resolve(`t${++n}`),
      transport,
    });
    await client.getProgramme({ params: { programmeId: 'kom-2026' } });
    await client.getProgramme({ params: { programmeId: 'kom-2026' } });
    await createKompetenClient({ baseUrl: 'http://gw.test', transport }).getProgramme({
      params: { programmeId: 'kom-2026' },
    });
    expect(sent.map((r) => r.headers.Authorization)).toEqual(['Bearer t1', 'Bearer t2', undefined]);
  });

  it('throws a KompetenProblem with the status and the problem+json body on any other answer', async () => {
    const problem = {
      type: 'https://kompeten.bukittinggi.go.id/problems/enrolment-state',
      title: 'The enrolment is not in a state that allows this',
      status: 409,
      detail: 'The enrolment is completed',
      currentState: 'completed',
    };
    const { transport } = fakeTransport(() => ({ status: 409, body: problem, headers: { 'retry-after': '2' } }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport });
    const error = await client
      .enrolStaff({ params: { programmeId: 'kom-2026' }, body: { nip: '198609262015051001' } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(KompetenProblem);
    expect(error).toMatchObject({
      status: 409,
      code: 'enrolment-state',
      problem,
      operation: 'enrolStaff',
      method: 'POST',
      path: '/api/v1/programmes/kom-2026/enrolments',
      retryAfter: 2,
    });
    expect((error as Error).message).toBe(
      'enrolStaff: POST /api/v1/programmes/kom-2026/enrolments → 409 enrolment-state: The enrolment is completed',
    );
    expect(isKompetenProblem(error, 'enrolment-state')).toBe(true);
    expect(isKompetenProblem(error, 409)).toBe(true);
    expect(isKompetenProblem(error, 'staff-exists')).toBe(false);
    expect(isKompetenProblem(new Error('x'))).toBe(false);
  });

  it('keeps a body that is not problem+json as the problem’s detail', async () => {
    const { transport } = fakeTransport(() => ({ status: 502, body: 'Bad Gateway' }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport });
    await expect(client.getProgramme({ params: { programmeId: 'kom-2026' } })).rejects.toMatchObject({
      status: 502,
      code: '',
      problem: { status: 502, detail: 'Bad Gateway' },
      body: 'Bad Gateway',
    });
  });

  it('refuses a missing path parameter before sending anything', async () => {
    const { sent, transport } = fakeTransport();
    const client = untyped(createKompetenClient({ baseUrl: 'http://gw.test', transport }), 'enrolStaff');
    await expect(client({ params: {}, body: { nip: '1' } })).rejects.toThrow(/missing path parameter programmeId/);
    expect(sent).toEqual([]);
  });

  it('has a method for every published use case, sending its method to its path', async () => {
    const { sent, transport } = fakeTransport(() => ({ status: 200 }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport });
    const published = USE_CASES.filter((u) => !u.internal);
    expect(published.length).toBeGreaterThan(0);
    for (const u of published) {
      const params = Object.fromEntries(pathParams(u.path).map((p) => [p, u.params[p].example]));
      await untyped(client, u.name)({ params, ...(u.body ? { body: {} } : {}) });
      const expected = u.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(params[p]));
      expect(sent[sent.length - 1]).toMatchObject({ operation: u.name, method: u.method, path: `/api/v1${expected}` });
    }
    expect(sent).toHaveLength(published.length);
  });

  it('names each method as its declaration is exported, so the types and the methods agree', () => {
    const exported = Object.entries(api as Record<string, unknown>).filter((e): e is [string, UseCase] =>
      isUseCase(e[1]),
    );
    expect(exported.map(([key, u]) => [key, u.name])).toEqual(exported.map(([key]) => [key, key]));
    expect(exported.map(([, u]) => u).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...USE_CASES].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('offers no method for an internal use case (the gateway does not serve it)', () => {
    const internal = USE_CASES.filter((u) => u.internal).map((u) => u.name);
    expect(internal).toContain('getStaffRecord');
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport: fakeTransport().transport });
    expect(internal.filter((name) => name in client)).toEqual([]);
  });
});

describe('the fetch transport', () => {
  it('fetches the URL with the headers and the JSON body, and parses the answer', async () => {
    const calls: [string, RequestInit][] = [];
    const fakeFetch = (url: string | URL | Request, init?: RequestInit) => {
      calls.push([url as string, init ?? {}]);
      return Promise.resolve(
        new Response(JSON.stringify(accepted), {
          status: 201,
          headers: { ETag: '"3"', 'Content-Type': 'application/json' },
        }),
      );
    };
    const client = createKompetenClient({ baseUrl: 'http://gw.test', token: 't', fetch: fakeFetch });
    await expect(
      client.enrolStaff({ params: { programmeId: 'kom-2026' }, body: { nip: '198609262015051001' } }),
    ).resolves.toEqual(accepted);
    expect(calls[0][0]).toBe('http://gw.test/api/v1/programmes/kom-2026/enrolments');
    expect(calls[0][1]).toMatchObject({ method: 'POST', body: '{"nip":"198609262015051001"}' });
  });

  it('answers text that is not JSON as text, an empty body as null, headers lower-cased', async () => {
    const answers = [
      new Response('a,b\n1,2\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
      new Response(null, { status: 204 }),
    ];
    const transport = fetchTransport(() => Promise.resolve(answers.shift()!));
    const base = {
      operation: 'x',
      method: 'GET' as const,
      path: '/',
      query: {},
      body: undefined,
      headers: {},
      url: 'http://gw.test/',
    };
    await expect(transport(base)).resolves.toMatchObject({
      status: 200,
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    await expect(transport(base)).resolves.toMatchObject({ status: 204, body: null });
  });
});

describe('the methods’ types (checked by tsc: each @ts-expect-error must stay an error)', () => {
  it('take each request and answer from the declaration', async () => {
    const { transport } = fakeTransport(() => ({ status: 200, body: { seatsFree: 3 } }));
    const client = createKompetenClient({ baseUrl: 'http://gw.test', transport });
    const seats: number = (await client.getProgramme({ params: { programmeId: 'kom-2026' } })).seatsFree;
    expect(seats).toBe(3);
    const unchecked = async () => {
      // @ts-expect-error the path has a parameter: params are required
      await client.enrolStaff({ body: { nip: '198609262015051001' } });
      // @ts-expect-error enrolStaff has no such path parameter
      await client.enrolStaff({ params: { programme: 'kom-2026' }, body: { nip: '198609262015051001' } });
      // @ts-expect-error the body is the declaration's request class
      await client.enrolStaff({ params: { programmeId: 'kom-2026' }, body: { nipp: '198609262015051001' } });
      // @ts-expect-error a query takes no body
      await client.getProgramme({ params: { programmeId: 'kom-2026' }, body: {} });
      // @ts-expect-error the query is the declaration's query class
      await client.getUtilisation({ query: { by: 'month' } });
      // @ts-expect-error the answer is the declaration's response schema
      const wrong: string = (
        await client.openBudget({ body: { fiscalYear: 2026, opd: 'X', fundingSource: 'APBD', ceiling: 1 } })
      ).version;
      // @ts-expect-error an internal use case has no method
      const internal: UseCaseName = 'getStaffRecord';
      // No parameters, no body, an all-optional query: nothing to pass.
      const all = await client.getUtilisation();
      return [wrong, all.rows, internal];
    };
    expect(typeof unchecked).toBe('function');
  });
});
