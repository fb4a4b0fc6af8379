import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { startGateway } from './gateway-app';
import { servedRoutes, toOpenApiPath } from './served-routes';

// The document frontend teams build against must describe every route the gateway serves.

/** Commands whose whole meaning is in the URL. */
const COMMANDS_WITHOUT_BODY = [
  '/api/v1/service-units/{unitCode}/periods/{period}/closure',
  '/api/v1/budgets/{budgetId}/closure',
];
describe('the gateway’s OpenAPI document', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let doc: any;

  beforeAll(async () => {
    ({ app, stop } = await startGateway());
    doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => stop());

  it('is a valid OpenAPI 3 document (checked by an independent validator)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const SwaggerParser = require('@apidevtools/swagger-parser');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('sits next to the AsyncAPI document of the events', async () => {
    const asyncapi = (await request(app.getHttpServer()).get('/api/docs/asyncapi.json').expect(200)).body;
    expect(asyncapi.asyncapi).toBe('3.0.0');
    expect(Object.keys(asyncapi.components.messages)).toContain('StaffEnrolled');
  });

  it('lists every route the app serves, and nothing it does not', () => {
    const served = servedRoutes(app)
      .map((r) => `${r.method} ${toOpenApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/v1'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(10);
    expect(documented).toEqual(served);
  });

  it('gives every operation a summary, its error answers as problem+json, and every command a request schema', () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!path.startsWith('/api/v1')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect({ where, summary: Boolean(op.summary) }).toEqual({ where, summary: true });
        expect({
          where,
          problems: Boolean(
            op.responses['400']?.content?.['application/problem+json'] ??
            op.responses['503']?.content?.['application/problem+json'],
          ),
        }).toEqual({ where, problems: true });
        if (method === 'post' && !COMMANDS_WITHOUT_BODY.includes(path))
          expect({ where, body: Boolean(op.requestBody?.content?.['application/json']?.schema) }).toEqual({
            where,
            body: true,
          });
      }
    }
  });
});
