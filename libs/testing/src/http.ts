import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

/**
 * supertest on a Nest application in this process. Nest types `getHttpServer()` by the
 * application's type parameter, `any` for the apps `createServiceApp` makes; every service runs on
 * Express, whose server is node:http's.
 */
export function httpOf(app: INestApplication) {
  return request(app.getHttpServer() as Server);
}
