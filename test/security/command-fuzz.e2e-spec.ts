import fc from 'fast-check';
import { servedRoutes } from '../../services/gateway/test/served-routes';
import { recordFigures, setting } from '../reliability/support/figures';
import { COMMANDS, pathOf, replaced } from './support/commands';
import { SecuredPlatform, startSecuredPlatform } from './support/platform';

// Every command route of the gateway gets random JSON, bodies with one field of the wrong type,
// an unknown field, a hostile string, and bytes that are not JSON at all — with an admin token, so
// that nothing but validation stands in the way. Never a 5xx; a refused command appends nothing
// to any service's log (told by the request's correlation id, which every event it causes carries).
const RUNS = setting('FUZZ_RUNS', 20, 200);

const RAW = [
  '{',
  '{"nip": ',
  '[1, 2',
  'null',
  'true',
  '"a string"',
  '12',
  '{"nip": NaN}',
  '1e99999',
  '\u0000',
  '{"__proto__": {"roles": ["admin"]}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  `${'['.repeat(500)}${']'.repeat(500)}`,
];

// Over the validation pipe's depth limit (32) by far: class-transformer would overflow the stack on it.
const DEEP = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
const OVERSIZED = JSON.stringify({ padding: 'x'.repeat(200_000) }); // over body-parser's 100 kB limit

type Input = { kind: string; body?: unknown; raw?: string; contentType?: string };

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const wrongType = (v: unknown) =>
  fc
    .oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
    )
    .filter((x) => jsonType(x) !== jsonType(v));

/** Paths to every value in a body (leaves and containers). */
const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
  Array.isArray(v)
    ? v.flatMap((x, i) => [[...at, i], ...paths(x, [...at, i])])
    : v && typeof v === 'object'
      ? Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])])
      : [];
const stringPaths = (v: unknown) =>
  paths(v).filter(
    (p) => typeof p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v) === 'string',
  );

function inputs(seed: Record<string, unknown>): fc.Arbitrary<Input> {
  const all = paths(seed);
  const strings = stringPaths(seed);
  return fc.oneof(
    fc.jsonValue().map((body) => ({ kind: 'random JSON', body })),
    ...(all.length
      ? [
          fc.constantFrom(...all).chain((p) =>
            wrongType(p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], seed)).map((v) => ({
              kind: 'a field of the wrong type',
              body: replaced(seed, p, v),
            })),
          ),
        ]
      : []),
    fc
      .tuple(
        fc.string({ minLength: 1 }).filter((k) => !(k in seed)),
        fc.jsonValue(),
      )
      .map(([k, v]) => ({ kind: 'an unknown field', body: { ...seed, [k]: v } })),
    ...(strings.length
      ? [
          fc
            .tuple(fc.constantFrom(...strings), fc.string({ unit: 'binary', maxLength: 40 }))
            .map(([p, s]) => ({ kind: 'a hostile string', body: replaced(seed, p, s) })),
        ]
      : []),
    fc
      .tuple(
        fc.constantFrom(...RAW),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
      )
      .map(([raw, contentType]) => ({ kind: 'not JSON', raw, contentType })),
  );
}

describe('the gateway under random and malformed command bodies', () => {
  let p: SecuredPlatform;
  let admin: string;
  const answers: Record<string, number> = {};
  let appendedOnRefusal = 0;
  let sent = 0;

  beforeAll(async () => {
    p = await startSecuredPlatform();
    admin = p.tokens.admin;
  }, 180_000);
  afterAll(async () => {
    recordFigures('command-fuzz', {
      runsPerRoute: RUNS,
      routes: Object.keys(COMMANDS).length,
      answers,
      appendedOnRefusal,
    });
    await p?.stop();
  });

  it('has a fuzz case for every command route it serves', () => {
    expect(
      servedRoutes(p.gateway)
        .filter((r) => r.method === 'POST')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(Object.keys(COMMANDS).sort());
  });

  for (const [route, c] of Object.entries(COMMANDS)) {
    it(`${route}: never answers 5xx, and appends nothing when it refuses`, async () => {
      const path = pathOf(route, c.params);
      await fc.assert(
        fc.asyncProperty(inputs(c.body()), async (input) => {
          const before = await p.heads();
          const correlationId = `fuzz-${++sent}`;
          let req = p.api().post(path).set(p.bearer(admin)).set('X-Correlation-Id', correlationId);
          req =
            input.raw !== undefined
              ? req.set('content-type', input.contentType!).send(input.raw)
              : req.set('content-type', 'application/json').send(JSON.stringify(input.body));
          const res = await req;
          const key = `${res.status}`;
          answers[key] = (answers[key] ?? 0) + 1;
          expect({ input: input.kind, status: res.status < 500 ? 'not 5xx' : res.status }).toEqual({
            input: input.kind,
            status: 'not 5xx',
          });
          if (res.status >= 400) {
            const appended = await p.appendedWith(correlationId, before);
            appendedOnRefusal += appended;
            expect({ input: input.kind, status: res.status, appended }).toEqual({
              input: input.kind,
              status: res.status,
              appended: 0,
            });
          }
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }

  // The shared validation pipe refuses over-deep bodies before class-transformer recurses into them.
  it('refuses a body nested fifty thousand levels deep with a 400, not a 500', async () => {
    const before = await p.heads();
    const res = await p
      .api()
      .post('/api/v1/staff')
      .set(p.bearer(admin))
      .set('X-Correlation-Id', 'fuzz-deep')
      .set('content-type', 'application/json')
      .send(DEEP);
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/) as unknown,
    });
    expect((res.body as { errors: unknown }).errors).toEqual([
      { field: expect.any(String) as unknown, message: expect.stringMatching(/nested too deeply/) as unknown },
    ]);
    expect(await p.appendedWith('fuzz-deep', before)).toBe(0);
  });

  // Body-parser's refusals keep their own status (problem-details.filter.ts), not an opaque 500.
  it('refuses a body over the size limit with 413 problem+json, and appends nothing', async () => {
    const before = await p.heads();
    const res = await p
      .api()
      .post('/api/v1/staff')
      .set(p.bearer(admin))
      .set('X-Correlation-Id', 'fuzz-big')
      .set('content-type', 'application/json')
      .send(OVERSIZED);
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 413,
      type: expect.stringMatching(/^application\/problem\+json/) as unknown,
    });
    expect(await p.appendedWith('fuzz-big', before)).toBe(0);
  });
});
