import { KompetenProblem } from '@kompeten/client';
import { GatewayClient, unless, type Actor } from '../../tools/demo/src/gateway/gateway-client';

// The demo's transport under the typed client, with fetch replaced: no gateway, no network.
const officer: Actor = { role: 'training-officer', sub: 'officer-dinkes' };
const problem = (status: number, slug: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: `https://kompeten.bukittinggi.go.id/problems/${slug}`, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
const accepted = () =>
  new Response(JSON.stringify({ streamId: 'programme-kom-2026', version: 1, events: ['StaffEnrolled'] }), {
    status: 201,
    headers: { 'Content-Type': 'application/json' },
  });

describe('the demo’s gateway client', () => {
  let answers: (() => Response | Promise<Response>)[];
  let sent: { url: string; init: RequestInit }[];
  beforeEach(() => {
    answers = [];
    sent = [];
    jest.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
      sent.push({ url: url as string, init: init ?? {} });
      return Promise.resolve(answers.shift()!());
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const issued: string[] = [];
  const client = () =>
    new GatewayClient('http://gw.test', (actor) => {
      issued.push(actor.sub);
      return Promise.resolve(`token-${actor.sub}`);
    });
  const enrol = (c: GatewayClient) =>
    c.as(officer).enrolStaff({
      params: { programmeId: 'kom-2026' },
      body: { nip: '198609262015051001' },
      idempotencyKey: 'demo.s1.city.enrol.kom-2026.198609262015051001',
    });

  it('retries a lost race and a dropped connection under the same Idempotency-Key and token', async () => {
    answers = [() => problem(409, 'conflict'), () => Promise.reject(new Error('ECONNRESET')), accepted];
    const c = client();
    await expect(enrol(c)).resolves.toMatchObject({ version: 1 });
    expect(sent).toHaveLength(3);
    for (const { url, init } of sent) {
      expect(url).toBe('http://gw.test/api/v1/programmes/kom-2026/enrolments');
      expect(init).toMatchObject({ method: 'POST', body: '{"nip":"198609262015051001"}' });
      expect(init.headers).toMatchObject({
        Authorization: 'Bearer token-officer-dinkes',
        'Idempotency-Key': 'demo.s1.city.enrol.kom-2026.198609262015051001',
      });
    }
    expect([c.requests, c.retries]).toEqual([3, 2]);
  });

  it('asks again while the service is still running the first copy of the command (409 command-in-progress)', async () => {
    answers = [() => problem(409, 'command-in-progress'), accepted];
    const c = client();
    await expect(enrol(c)).resolves.toMatchObject({ version: 1 });
    expect(sent.map((s) => (s.init.headers as Record<string, string>)['Idempotency-Key'])).toEqual([
      'demo.s1.city.enrol.kom-2026.198609262015051001',
      'demo.s1.city.enrol.kom-2026.198609262015051001',
    ]);
    expect(c.retries).toBe(1);
  });

  it('issues one token per actor, and one client per actor', async () => {
    issued.length = 0;
    answers = [accepted, accepted];
    const c = client();
    await enrol(c);
    await enrol(c);
    expect(issued).toEqual(['officer-dinkes']);
    expect(c.as(officer)).toBe(c.as({ ...officer }));
  });

  it('answers an expected problem as undefined, and throws any other as a KompetenProblem', async () => {
    answers = [
      () => problem(409, 'enrolment-state', { currentState: 'completed' }),
      () => problem(409, 'already-enrolled'),
      () => problem(400, 'validation', { detail: 'nip: not a NIP' }),
    ];
    const c = client();
    await expect(unless(enrol(c), 'enrolment-state:completed')).resolves.toBeUndefined();
    await expect(unless(enrol(c), 'already-enrolled')).resolves.toBeUndefined();
    const error = await unless(enrol(c), 'already-enrolled').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KompetenProblem);
    expect(error).toMatchObject({ status: 400, code: 'validation' });
    expect(c.retries).toBe(0);
  });
});
