import type { Server } from 'node:http';
import { Body, Controller, Headers, HttpCode, INestApplication, Module, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsInt, Max, Min } from 'class-validator';
import request from 'supertest';
import { Decider, EventStore, handleCommand, HandleResult } from '@kompeten/event-store';
import { loadConfig, ServiceConfig } from '@kompeten/config';
import { createTestDatabase, TestDatabase, testBrokers } from '@kompeten/testing';
import { PlatformModule } from './platform.module';
import { createServiceApp } from './bootstrap';

// A miniature use case, shaped like the real ones (command + handler + request DTO + controller),
// to prove the wiring: CQRS bus → decider → event store → problem+json at the HTTP edge.
type JpCredited = { type: 'JpCredited'; data: { jp: number } };
const ledger: Decider<{ jp: number }, number, JpCredited> = {
  initialState: () => 0,
  evolve: (total, e) => total + e.data.jp,
  decide: (c) => [{ type: 'JpCredited', data: { jp: c.jp } }],
};

class CreditJp {
  constructor(
    readonly staffId: string,
    readonly jp: number,
    readonly expectedVersion?: number,
  ) {}
}

@CommandHandler(CreditJp)
class CreditJpHandler implements ICommandHandler<CreditJp> {
  constructor(private readonly store: EventStore) {}
  execute(c: CreditJp) {
    return handleCommand(
      this.store,
      ledger,
      `ledger-${c.staffId}`,
      { jp: c.jp },
      { actor: 'user:test', correlationId: 'corr', causationId: null },
      { expectedVersion: c.expectedVersion },
    );
  }
}

class CreditJpRequest {
  @IsInt() @Min(1) @Max(24) jp: number;
}

@Controller('ledgers')
class LedgerController {
  constructor(private readonly commands: CommandBus) {}
  @Post(':staffId/credits')
  @HttpCode(201)
  async credit(
    @Param('staffId') staffId: string,
    @Body() body: CreditJpRequest,
    @Headers('if-match') ifMatch?: string,
  ) {
    const { version } = await this.commands.execute<CreditJp, HandleResult<JpCredited>>(
      new CreditJp(staffId, body.jp, ifMatch === undefined ? undefined : Number(ifMatch)),
    );
    return { version };
  }
}

/** The validation errors of a 400 problem+json body (supertest types bodies `any`). */
const errorsOf = (res: request.Response) => (res.body as { errors: { field: string; message: string }[] }).errors;

describe('an event-sourced Nest service', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: Server;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('nest_app');
    const config = loadConfig(ServiceConfig, {
      PORT: '1',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testBrokers().join(','),
      LOG_LEVEL: 'error',
    });
    @Module({
      imports: [PlatformModule.forService({ service: 'enrolment', config, eventSourced: {} })],
      controllers: [LedgerController],
      providers: [CreditJpHandler],
    })
    class TestModule {}
    app = await createServiceApp({ module: TestModule }, config);
    await app.init();
    http = app.getHttpServer() as Server; // Nest types it `any`; the Express adapter's is a node:http Server
    store = app.get(EventStore);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('executes a command through the CQRS bus and appends its event', async () => {
    const res = await request(http).post('/ledgers/1986/credits').send({ jp: 8 }).expect(201);
    expect(res.body).toEqual({ version: 1 });
    expect((await store.readStream('ledger-1986')).map((e) => e.data)).toEqual([{ jp: 8 }]);
  });

  it('answers a stale If-Match with 409 problem+json and appends nothing', async () => {
    const before = await store.head();
    const res = await request(http).post('/ledgers/1986/credits').set('If-Match', '0').send({ jp: 4 }).expect(409);
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
    const wrong = await request(http).post('/ledgers/1986/credits').send({ jp: 40 }).expect(400);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(errorsOf(wrong)).toEqual([{ field: 'jp', message: expect.stringMatching(/24/) as unknown }]);
    const unknown = await request(http).post('/ledgers/1986/credits').send({ jp: 2, hours: 3 }).expect(400);
    expect(errorsOf(unknown).map((e) => e.field)).toContain('hours');
    expect(await store.head()).toEqual(before);
  });
});
