import { DataSource } from 'typeorm';
import { eventually } from '@kompeten/testing';
import { recordFigures } from '../reliability/support/figures';
import { COMMANDS, freshNip, pathOf, replaced, stringLeaves } from './support/commands';
import { SecuredPlatform, startSecuredPlatform } from './support/platform';

// SQL meant to run, and strings far too long, in every string field of every command (and in path
// and query parameters): each is refused (4xx) or stored inert — read back verbatim from the event
// it was written to — and afterwards every table is still there and every hash chain verifies.
const INJECTIONS = [
  `'; drop table es_event; --`,
  `Robert'); DROP TABLE staff_roster; --`,
  `' OR '1'='1' --`,
  `1; select pg_sleep(10); --`,
  `$$; delete from msg_processed; $$`,
  `\\'; truncate es_head cascade; --`,
  `<script>alert('x')</script>`,
];
const LONG = 'panjang '.repeat(2_500); // 20,000 characters: over most fields' limits, under the 100 kB body limit
const OVERSIZED = 'x'.repeat(200_000); // over the body limit

type Outcome = 'refused' | 'stored verbatim';

/** Whether any string anywhere in `value` is exactly `wanted`. */
const holds = (value: unknown, wanted: string): boolean =>
  typeof value === 'string'
    ? value === wanted
    : Array.isArray(value)
      ? value.some((v) => holds(v, wanted))
      : value !== null && typeof value === 'object'
        ? Object.values(value).some((v) => holds(v, wanted))
        : false;

describe('SQL injection and oversized values in every string field', () => {
  let p: SecuredPlatform;
  let officer: string;
  let tablesBefore: Record<string, string[]>;
  const outcomes: Record<string, Record<Outcome, number>> = {};
  const oversized: Record<number, number> = {};
  let n = 0;

  const tables = async () =>
    Object.fromEntries(
      await Promise.all(
        (['enrolment', 'budget', 'assessment', 'feedback', 'gateway'] as const).map(async (s) => [
          s,
          (
            await p[s]
              .get(DataSource)
              .query<{ table_name: string }[]>(
                `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
              )
          ).map((r) => r.table_name),
        ]),
      ),
    ) as Record<string, string[]>;

  /** Sends a command; a refusal must append nothing, an acceptance must have stored `value` exactly. */
  async function attempt(route: string, path: string, body: unknown, value: string): Promise<Outcome> {
    const correlationId = `inject-${++n}`;
    const before = await p.heads();
    const res = await p
      .api()
      .post(path)
      .set(p.bearer(officer))
      .set('X-Correlation-Id', correlationId)
      .send(body as object);
    expect({ route, status: res.status < 500 ? 'not 5xx' : res.status }).toEqual({ route, status: 'not 5xx' });
    if (res.status >= 400) {
      expect({ route, appended: await p.appendedWith(correlationId, before) }).toEqual({ route, appended: 0 });
      return 'refused';
    }
    const events = (await Promise.all(Object.entries(p.stores).map(([s, store]) => store.readAll(before[s], 1000))))
      .flat()
      .filter((e) => e.metadata.correlationId === correlationId);
    expect({ route, stored: events.some((e) => holds(e.data, value)) }).toEqual({ route, stored: true });
    return 'stored verbatim';
  }

  beforeAll(async () => {
    p = await startSecuredPlatform();
    officer = p.tokens.admin;
    tablesBefore = await tables();
  }, 180_000);
  afterAll(async () => {
    const total = Object.values(outcomes).reduce(
      (t, o) => ({ refused: t.refused + o.refused, stored: t.stored + o['stored verbatim'] }),
      { refused: 0, stored: 0 },
    );
    recordFigures('injection', {
      attempts: total.refused + total.stored,
      ...total,
      oversizedAnswers: oversized,
      fields: outcomes,
    });
    await p?.stop();
  });

  for (const [route, c] of Object.entries(COMMANDS)) {
    const leaves = stringLeaves(c.body());
    if (leaves.length === 0) continue;
    it(`${route}: every string field refuses or stores verbatim what it is sent`, async () => {
      let params = c.prepare ? await c.prepare(p, officer) : c.params;
      for (const leaf of leaves) {
        for (const value of [...INJECTIONS, LONG]) {
          const body = replaced(c.body(), leaf, value) as Record<string, unknown>;
          if (route === 'POST /api/v1/survey-responses' && leaf[0] !== 'unitCode') body.unitCode = params.unitCode;
          const outcome = await attempt(route, pathOf(route, params), body, value);
          const key = `${route} ${leaf.join('.')}`;
          outcomes[key] ??= { refused: 0, 'stored verbatim': 0 };
          outcomes[key][outcome]++;
          if (outcome === 'stored verbatim' && c.prepare) params = await c.prepare(p, officer); // the command used it up
        }
      }
      // Over the body limit: refused before anything is parsed (413: see the test below).
      const before = await p.heads();
      const tooBig = await p
        .api()
        .post(pathOf(route, params))
        .set(p.bearer(officer))
        .set('X-Correlation-Id', `inject-big-${++n}`)
        .send(replaced(c.body(), leaves[0], OVERSIZED) as object);
      expect({ route, status: tooBig.status }).toEqual({ route, status: 413 });
      expect(await p.appendedWith(`inject-big-${n}`, before)).toBe(0);
      oversized[tooBig.status] = (oversized[tooBig.status] ?? 0) + 1;
    }, 120_000);
  }

  // Body-parser's 413 is passed on as such by problem-details.filter.ts; nothing is parsed or stored.
  it('refuses a body over the size limit with 413, on every command route', async () => {
    for (const [route, c] of Object.entries(COMMANDS)) {
      const leaf = stringLeaves(c.body())[0] ?? ['padding'];
      const res = await p
        .api()
        .post(pathOf(route, c.params))
        .set(p.bearer(officer))
        .send(replaced(c.body(), leaf, OVERSIZED) as object);
      expect({ route, status: res.status }).toEqual({ route, status: 413 });
    }
  });

  // Postgres jsonb cannot hold U+0000 or an unpaired surrogate: the shared validation pipe refuses them, naming the field.
  it('refuses a NUL character or an unpaired surrogate in a text field with 400', async () => {
    for (const value of ['Perawat \u0000', 'Perawat \ud800']) {
      const res = await p
        .api()
        .post('/api/v1/staff')
        .set(p.bearer(officer))
        .send({ ...COMMANDS['POST /api/v1/staff'].body(), position: value });
      expect({ value, status: res.status, errors: (res.body as { errors: unknown }).errors }).toEqual({
        value,
        status: 400,
        errors: [
          { field: 'position', message: expect.stringMatching(/NUL characters or unpaired surrogates/) as unknown },
        ],
      });
    }
  });

  it('refuses injections in path and query parameters', async () => {
    for (const value of INJECTIONS) {
      const v = encodeURIComponent(value);
      for (const path of [
        `/api/v1/staff/${v}`,
        `/api/v1/programmes/${v}`,
        `/api/v1/units/${v}/summary`,
        `/api/v1/service-units/${v}/scorecard`,
        `/api/v1/budgets/${v}`,
        `/api/v1/utilisation?opd=${v}`,
        `/api/v1/jp-ledger/below-target?opd=${v}`,
        `/api/v1/league-table?period=${v}`,
      ]) {
        const res = await p.api().get(path).set(p.bearer(officer));
        expect({ path, status: res.status }).toEqual({ path, status: expect.any(Number) as unknown });
        expect([400, 404]).toContain(res.status);
      }
    }
  });

  it('reads a hostile name and comment back exactly as they were written', async () => {
    const hostile = INJECTIONS[0];
    const nip = freshNip();
    await p
      .api()
      .post('/api/v1/staff')
      .set(p.bearer(officer))
      .send({ ...COMMANDS['POST /api/v1/staff'].body(), nip, name: hostile })
      .expect(201);
    const profile = await eventually(async () => {
      const r = await p.api().get(`/api/v1/staff/${nip}`).set(p.bearer(officer));
      return r.status === 200 ? (r.body as { name: string }) : undefined;
    });
    expect(profile.name).toBe(hostile);
    const { unitCode } = await COMMANDS['POST /api/v1/survey-responses'].prepare!(p, officer);
    const response = {
      ...COMMANDS['POST /api/v1/survey-responses'].body(),
      unitCode,
      comment: hostile,
      contact: INJECTIONS[1],
    };
    await p.api().post('/api/v1/survey-responses').set(p.bearer(officer)).send(response).expect(201);
    const listed = await p
      .api()
      .get(`/api/v1/service-units/${unitCode}/responses`)
      .query({ includePersonal: true, period: '2026-02' })
      .set(p.bearer(officer))
      .expect(200);
    expect(JSON.stringify(listed.body)).toContain(JSON.stringify(hostile).slice(1, -1));
  });

  it('leaves every table in place and every hash chain intact', async () => {
    expect(await tables()).toEqual(tablesBefore);
    for (const [service, store] of Object.entries(p.stores)) {
      const report = await store.verify();
      expect({ service, ok: report.ok, headAgrees: report.headAgrees }).toEqual({
        service,
        ok: true,
        headAgrees: true,
      });
    }
  });
});
