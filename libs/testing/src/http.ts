import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { SERVICE_IDENTITY, type ServiceIdentity } from '@kompeten/platform';
import request from 'supertest';
import { signOnSend, TEST_CALLER, type TestCaller } from './internal-identity';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * supertest on a Nest application in this process, each request carrying the identity the gateway
 * would sign for it (services refuse anything else). Nest types `getHttpServer()` by the
 * application's type parameter, `any` for the apps `createServiceApp` makes; every service runs on
 * Express, whose server is node:http's.
 */
export function httpOf(app: INestApplication, caller: TestCaller = TEST_CALLER) {
  const agent = request(app.getHttpServer() as Server);
  // A platform app (PlatformModule) knows its service; a bare module under test has no guard to satisfy:
  // use supertest directly there (Nest exits the process on a missing provider, so there is no asking).
  const service = app.get<ServiceIdentity>(SERVICE_IDENTITY, { strict: false }).name;
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !METHODS.has(prop) || typeof value !== 'function') return value;
      return (url: string) => {
        const test = (value as (url: string) => ReturnType<typeof agent.get>).call(target, url);
        signOnSend(test, service, caller);
        return test;
      };
    },
  });
}
