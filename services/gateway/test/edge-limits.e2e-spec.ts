import http from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { eventually, httpOf, type TestAuth } from '@kompeten/testing';
import { startGateway } from './gateway-app';

type Gateway = { app: INestApplication; auth: TestAuth; stop: () => Promise<void> };

/** An open live feed: its status (and problem, when refused), when it ended, and how to drop it. */
interface Feed {
  status: number;
  problem?: { status?: number; title?: string };
  retryAfter?: string;
  ended: Promise<void>;
  close: () => void;
}

function openFeed(url: string, token: string): Promise<Feed> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${url}/api/v1/events/stream`,
      { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } },
      (res) => {
        const ended = new Promise<void>((done) => res.once('close', () => done()));
        const close = () => req.destroy();
        if (res.statusCode === 200) {
          res.resume();
          resolve({ status: 200, ended, close });
          return;
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            problem: JSON.parse(body) as Feed['problem'],
            retryAfter: res.headers['retry-after'],
            ended,
            close,
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

/** Waits for a promise, up to `ms`: 'settled', or 'still waiting' (a bound on the test, not a sleep). */
const within = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(() => 'settled' as const),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms).unref()),
  ]);

// Limits that hold behind a proxy: the client address is taken TRUST_PROXY_HOPS back in
// X-Forwarded-For (never from the header when no proxy is configured); failed authentications are
// counted per address; a live feed ends when its token expires, and a token holds only so many.
describe('the gateway’s edge limits', () => {
  let behindProxy: Gateway;
  let direct: Gateway;
  let url: string;
  const survey = (g: Gateway, forwardedFor: string) =>
    httpOf(g.app).post('/api/v1/public/survey-responses').set('X-Forwarded-For', forwardedFor).send({});

  beforeAll(async () => {
    [behindProxy, direct] = await Promise.all([
      startGateway(
        {},
        { TRUST_PROXY_HOPS: '1', SURVEY_RATE_LIMIT_PER_MINUTE: '3', AUTH_FAILURE_LIMIT_PER_MINUTE: '3' },
      ),
      startGateway({}, { SURVEY_RATE_LIMIT_PER_MINUTE: '3' }),
    ]);
    await behindProxy.app.listen(0, '127.0.0.1');
    url = (await behindProxy.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await Promise.all([behindProxy?.stop(), direct?.stop()]);
  });

  it('counts the public form per citizen behind one proxy hop (TRUST_PROXY_HOPS=1)', async () => {
    const citizen = [];
    for (let i = 0; i < 4; i++) citizen.push((await survey(behindProxy, '203.0.113.7')).status);
    expect(citizen).toEqual([400, 400, 400, 429]);
    // Another citizen behind the same load balancer is not refused for the first one's requests;
    // an address the client wrote further left in the header is not the one counted.
    expect((await survey(behindProxy, '203.0.113.8')).status).toBe(400);
    expect((await survey(behindProxy, '203.0.113.8, 203.0.113.7')).status).toBe(429);
  });

  it('does not trust X-Forwarded-For without a configured proxy (TRUST_PROXY_HOPS=0)', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await survey(direct, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
  });

  it('answers 429 with Retry-After to an address past its failed authentications; valid tokens still pass', async () => {
    const attempt = (forwardedFor: string, token: string) =>
      httpOf(behindProxy.app)
        .get('/api/v1/units/DINKES/summary')
        .set('X-Forwarded-For', forwardedFor)
        .set('Authorization', `Bearer ${token}`);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('192.0.2.10', `not-a-token-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await attempt('192.0.2.10', 'not-a-token');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 429,
      title: expect.stringMatching(/failed authentications/) as unknown,
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // No token at all is a failed authentication too.
    expect(
      (await httpOf(behindProxy.app).get('/api/v1/units/DINKES/summary').set('X-Forwarded-For', '192.0.2.10')).status,
    ).toBe(429);
    // A real token from the same address (a colleague behind the same NAT) reaches the route (no service here: 503).
    const admin = await behindProxy.auth.token({ roles: ['admin'] });
    expect((await attempt('192.0.2.10', admin)).status).toBe(503);
    // Another address is not affected.
    expect((await attempt('192.0.2.11', 'not-a-token')).status).toBe(401);
  });

  it('closes a live feed when its token expires', async () => {
    const token = await behindProxy.auth.token(
      { roles: ['training-officer'], sub: 'short-lived' },
      { expiresIn: '3s' },
    );
    const opened = Date.now();
    const feed = await openFeed(url, token);
    expect(feed.status).toBe(200);
    const exp = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
    try {
      expect(await within(feed.ended, 20_000)).toBe('settled');
      // Not before the token's expiry (exp is whole seconds, so up to a second before `opened` + 3 s).
      expect(Date.now()).toBeGreaterThanOrEqual(exp - 50);
      expect(Date.now() - opened).toBeLessThan(15_000);
    } finally {
      feed.close();
    }
  }, 30_000);

  it('holds at most LIVE_FEEDS_PER_TOKEN (3) feeds per token: the 4th is refused with 429 until one closes', async () => {
    const token = await behindProxy.auth.token({ roles: ['unit-head'], unit: 'DINKES', sub: 'dashboards' });
    const feeds = [await openFeed(url, token), await openFeed(url, token), await openFeed(url, token)];
    try {
      expect(feeds.map((f) => f.status)).toEqual([200, 200, 200]);
      const fourth = await openFeed(url, token);
      expect(fourth.status).toBe(429);
      expect(fourth.problem).toMatchObject({ status: 429, title: expect.stringMatching(/live feeds/) as unknown });
      // Another token of the same person is another token.
      const other = await openFeed(
        url,
        await behindProxy.auth.token({ roles: ['unit-head'], unit: 'DINKES', sub: 'dashboards' }, { expiresIn: '2h' }),
      );
      expect(other.status).toBe(200);
      feeds.push(other);
      // Once a feed is closed, its place is free again.
      feeds[0].close();
      await feeds[0].ended;
      const again = await eventually(async () => {
        const f = await openFeed(url, token);
        if (f.status === 200) return f;
        f.close();
        return undefined;
      }, 10_000);
      feeds.push(again);
      expect(again.status).toBe(200);
    } finally {
      for (const f of feeds) f.close();
    }
  }, 30_000);
});
