import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startGatewayApp, urlOf } from '../support/platform';

/** The read endpoint under test: public, validated query (period), answered from the gateway's cache. */
export const READ_PATH = '/api/v1/public/scorecards?period=2026-Q1';

/** What feedback's league table answers (20 units): the gateway maps and caches it. */
function leagueTable() {
  return {
    period: { id: '2026-Q1', from: '2026-01-01', to: '2026-03-31' },
    units: Array.from({ length: 20 }, (_, i) => ({
      unitCode: `PKM-${String(i + 1).padStart(3, '0')}`,
      name: `Puskesmas ${i + 1}`,
      opd: 'DINKES',
      kind: 'puskesmas',
      responses: 120 + i,
      sampleTarget: 196,
      sampleAdequate: false,
      ikm: 80 + i / 4,
      grade: 'B',
      gradeLabel: 'Baik',
      rank: i + 1,
    })),
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface ReadTarget {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real gateway (its whole pipeline: helmet, request logging, correlation id, auth guard, rate
 * limit, validation, interceptors) with a stand-in feedback service behind it; limits raised so that
 * the load is measured, not refused.
 */
export async function startGatewayTarget(logLevel = 'info'): Promise<ReadTarget> {
  const feedback = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(req.url?.startsWith('/league-table') ? leagueTable() : {}));
  });
  const feedbackUrl = await listen(feedback);
  const gateway = await startGatewayApp(
    { FEEDBACK_URL: feedbackUrl },
    { LOG_LEVEL: logLevel, RATE_LIMIT_PER_MINUTE: '1000000000' },
  );
  await gateway.app.listen(0, '127.0.0.1');
  const url = await urlOf(gateway.app);
  return {
    url,
    async stop() {
      await gateway.stop();
      await new Promise((r) => feedback.close(r));
    },
  };
}

/** A bare NestJS app: one controller returning the given JSON, nothing else. */
export async function startBareTarget(body: unknown): Promise<ReadTarget> {
  @Controller('api/v1/public')
  class BareController {
    @Get('scorecards')
    scorecards() {
      return body;
    }
  }
  @Module({ controllers: [BareController] })
  class BareModule {}
  const app: INestApplication = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { url: await urlOf(app), stop: () => app.close() };
}
