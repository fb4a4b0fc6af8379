import { INestApplication, Module } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { defineUseCase, PARAM, Type } from '@kompeten/api';
import { Decider } from '@kompeten/domain';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { loadConfig, ServiceConfig } from '@kompeten/config';
import { createTestDatabase, TestDatabase, testBrokers, internalIdentityEnv, httpOf } from '@kompeten/testing';
import type { Response } from 'supertest';
import { PlatformModule } from './platform.module';
import { createServiceApp } from './bootstrap';
import { Handles, serviceRoutes, type UseCaseHandler, type UseCaseRequest } from './http/use-case-handler';

// A miniature use case, shaped like the real ones (declaration + handler + decider), to prove the
// wiring: generated route → validation → handler → decider → event store → problem+json at the edge.
type JpCredited = { type: 'JpCredited'; data: { jp: number } };
const ledger: Decider<{ jp: number }, number, JpCredited> = {
  initialState: () => 0,
  evolve: (total, e) => total + e.data.jp,
  decide: (c) => [{ type: 'JpCredited', data: { jp: c.jp } }],
};

class CreditJpRequest {
  @IsInt() @Min(1) @Max(24) jp: number;
}

const creditJp = defineUseCase({
  name: 'creditJp',
  service: 'enrolment',
  method: 'POST',
  path: '/ledgers/:staffId/credits',
  tag: 'ledgers',
  summary: 'Credit JP',
  params: { staffId: PARAM.id },
  body: CreditJpRequest,
  response: Type.Object({ version: Type.Integer() }),
  access: { roles: ['training-officer'] },
  problems: [400, 409],
});

@Handles(creditJp)
class CreditJpHandler implements UseCaseHandler<typeof creditJp> {
  constructor(private readonly store: EventStore) {}
  async handle({ params, body, metadata, expectedVersion }: UseCaseRequest<typeof creditJp>) {
    const { version } = await handleCommand(this.store, ledger, `ledger-${params.staffId}`, { jp: body.jp }, metadata, {
      expectedVersion,
    });
    return { version };
  }
}

/** The validation errors of a 400 problem+json body (supertest types bodies `any`). */
const errorsOf = (res: Response) => (res.body as { errors: { field: string; message: string }[] }).errors;

describe('an event-sourced Nest service', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('nest_app');
    const config = loadConfig(ServiceConfig, {
      PORT: '1',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testBrokers().join(','),
      LOG_LEVEL: 'error',
      ...internalIdentityEnv(),
    });
    const routes = serviceRoutes('enrolment', [CreditJpHandler], [creditJp]);
    @Module({
      imports: [PlatformModule.forService({ service: 'enrolment', config, eventSourced: {} })],
      controllers: routes.controllers,
      providers: routes.providers,
    })
    class TestModule {}
    app = await createServiceApp({ module: TestModule }, config);
    await app.init();
    store = app.get(EventStore);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('runs a declared use case through its generated route and appends its event', async () => {
    const res = await httpOf(app).post('/ledgers/1986/credits').send({ jp: 8 }).expect(201);
    expect(res.body).toEqual({ version: 1 });
    expect(res.headers.etag).toBe('"1"');
    expect((await store.readStream('ledger-1986')).map((e) => e.data)).toEqual([{ jp: 8 }]);
  });

  it('answers a stale If-Match with 409 problem+json and appends nothing', async () => {
    const before = await store.head();
    const res = await httpOf(app).post('/ledgers/1986/credits').set('If-Match', '0').send({ jp: 4 }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 409,
      expectedVersion: 0,
      actualVersion: 1,
      instance: '/ledgers/1986/credits',
    });
    expect(await store.head()).toEqual(before);
  });

  it('answers bad input with 400 naming the field, and appends nothing', async () => {
    const before = await store.head();
    const wrong = await httpOf(app).post('/ledgers/1986/credits').send({ jp: 40 }).expect(400);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(errorsOf(wrong)).toEqual([{ field: 'jp', message: expect.stringMatching(/24/) as unknown }]);
    const unknown = await httpOf(app).post('/ledgers/1986/credits').send({ jp: 2, hours: 3 }).expect(400);
    expect(errorsOf(unknown).map((e) => e.field)).toContain('hours');
    expect(await store.head()).toEqual(before);
  });

  it('refuses a malformed path parameter by its declared rule, naming it, and appends nothing', async () => {
    const before = await store.head();
    const res = await httpOf(app).post('/ledgers/%20bad%20/credits').send({ jp: 2 }).expect(400);
    expect(errorsOf(res)).toEqual([{ field: 'staffId', message: expect.stringMatching(/letters, digits/) as unknown }]);
    expect(await store.head()).toEqual(before);
  });
});
