import type { Server } from 'node:http';
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { startGateway } from './gateway-app';
import { servedRoutes, toOpenApiPath } from './served-routes';
import BEFORE from './fixtures/operations-before-issue-17.json';

/** Today's operations as they were before issue 17, with the id each now has (the use case's name). */
interface OperationBefore {
  method: string;
  path: string;
  operationId: string;
  renamedTo?: string;
}

// The document frontend teams build against must describe every route the gateway serves.

/** Commands whose whole meaning is in the URL. */
const COMMANDS_WITHOUT_BODY = [
  // An operator's rebuild of a read model: the path names the service and the projection.
  '/api/v1/admin/projections/{service}/{name}/rebuild',
  '/api/v1/service-units/{unitCode}/periods/{period}/closure',
  '/api/v1/budgets/{budgetId}/closure',
  // Asks the budget again for an enrolment waitlisted for funds: the path names everything.
  '/api/v1/programmes/{programmeId}/enrolments/{nip}/funds-request',
  // A staff member's calendar feed, and revoking a feed: the path names whose, and which.
  '/api/v1/staff/{nip}/calendar-feeds',
  '/api/v1/staff/{nip}/calendar-feeds/{feedId}/revocation',
  '/api/v1/units/{opd}/calendar-feeds/{feedId}/revocation',
  // An admin retires a learning platform: the path names which.
  '/api/v1/learning-platforms/{clientId}/retirement',
  // An officer verifies recorded external learning: the path names which.
  '/api/v1/external-learning/{learningId}/verification',
];
/** The document as the independent validator types it (openapi-types, which it does not re-export). */
type ValidatorDocument = Awaited<ReturnType<typeof SwaggerParser.validate>>;

/** What the checks below read of the document: Nest writes every response and request body inline. */
interface Operation {
  operationId?: string;
  summary?: string;
  responses: Record<string, { content?: Record<string, unknown> } | undefined>;
  requestBody?: { content?: Record<string, { schema?: unknown } | undefined> };
}
interface OpenApiDocument {
  openapi: string;
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

/** What the checks read of the AsyncAPI document (the contracts library types it only as `object`). */
interface AsyncApiDocument {
  asyncapi: string;
  components: { messages: Record<string, unknown> };
}

describe('the gateway’s OpenAPI document', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  // Nest types the HTTP server as `any`; the Express adapter's is a node:http Server.
  const http = () => request(app.getHttpServer() as Server);
  let served: unknown; // the JSON exactly as served, for the validator
  let doc: OpenApiDocument;

  beforeAll(async () => {
    ({ app, stop } = await startGateway());
    served = (await http().get('/api/docs-json').expect(200)).body;
    doc = served as OpenApiDocument;
  });
  afterAll(() => stop());

  it('is a valid OpenAPI 3 document (checked by an independent validator)', async () => {
    await expect(SwaggerParser.validate(structuredClone(served) as ValidatorDocument)).resolves.toBeDefined();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('sits next to the AsyncAPI document of the events', async () => {
    const asyncapi = (await http().get('/api/docs/asyncapi.json').expect(200)).body as AsyncApiDocument;
    expect(asyncapi.asyncapi).toBe('3.0.0');
    expect(Object.keys(asyncapi.components.messages)).toContain('StaffEnrolled');
  });

  it('lists every route the app serves, and nothing it does not', () => {
    const served = servedRoutes(app)
      .map((r) => `${r.method} ${toOpenApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(10);
    expect(documented).toEqual(served);
  });

  it('gives every operation a summary, its error answers as problem+json, and every command a request schema', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
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

  it('is a superset of the document before the redesign: every operation still there, ids renamed as listed', () => {
    const now = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId })),
    );
    const missing = (BEFORE as OperationBefore[])
      .filter((b) => !now.some((n) => n.method === b.method && n.path === b.path))
      .map((b) => `${b.method} ${b.path}`);
    expect(missing).toEqual([]);
    const ids = (BEFORE as OperationBefore[]).map((b) => ({
      where: `${b.method} ${b.path}`,
      id: now.find((n) => n.method === b.method && n.path === b.path)?.operationId,
    }));
    expect(ids).toEqual(
      (BEFORE as OperationBefore[]).map((b) => ({ where: `${b.method} ${b.path}`, id: b.renamedTo ?? b.operationId })),
    );
    const unique = new Set(now.map((n) => n.operationId));
    expect(unique.size).toBe(now.length);
  });

  it('documents a 2xx answer with a schema for every operation, so a generated client never returns void', () => {
    const undocumented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(
          ([, op]) =>
            !Object.entries(op.responses).some(
              ([status, r]) =>
                status.startsWith('2') &&
                Object.keys(r?.content ?? {}).length > 0 &&
                Object.values(r?.content ?? {}).every((c) => Boolean((c as { schema?: unknown }).schema)),
            ),
        )
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    // xAPI's PUT of a statement answers 204 No Content (xAPI 1.0.3, part 3 §2.1.1): nothing to return.
    expect(undocumented.filter((o) => o !== 'PUT /api/v1/xapi/statements')).toEqual([]);
  });
});
