import type { Server } from 'node:http';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { startGateway } from './gateway-app';

// Floods are refused at the gateway, before anything is forwarded: per token, and for the public
// survey form (no token) per client address, more strictly.
describe('the gateway’s rate limits', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let tokens: { a: string; b: string };
  // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
  const http = () => request(app.getHttpServer() as Server);

  beforeAll(async () => {
    const g = await startGateway({}, { RATE_LIMIT_PER_MINUTE: '5', SURVEY_RATE_LIMIT_PER_MINUTE: '3' });
    ({ app, stop } = g);
    tokens = {
      a: await g.auth.token({ roles: ['training-officer'], sub: 'officer-a' }),
      b: await g.auth.token({ roles: ['training-officer'], sub: 'officer-b' }),
    };
  });
  afterAll(async () => {
    await stop();
  });

  it('answers 429 problem+json with Retry-After once a token has used its requests for the minute; other tokens go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await http().get('/api/v1/programmes/rate-limit-test').set('Authorization', `Bearer ${tokens.a}`)).status,
      );
    // The first five reach the route (the enrolment service is not running here: 503); the sixth does not.
    expect(statuses).toEqual([503, 503, 503, 503, 503, 429]);
    const refused = await http()
      .get('/api/v1/programmes/rate-limit-test')
      .set('Authorization', `Bearer ${tokens.a}`)
      .expect(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await http().get('/api/v1/programmes/rate-limit-test').set('Authorization', `Bearer ${tokens.b}`)).status,
    ).toBe(503);
  });

  it('limits the public survey form per client address, more strictly', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await http().post('/api/v1/public/survey-responses').send({})).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});
