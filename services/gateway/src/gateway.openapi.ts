import type { OpenApiOptions } from '@kompeten/platform';

/** The gateway's document is the one frontend teams build against. */
export const GATEWAY_OPENAPI: OpenApiOptions = {
  title: 'Kompeten API',
  description: [
    'The one door to Kompeten for frontends (staff portal, mobile learning app, unit dashboards, citizen kiosks).',
    'Authenticate with a bearer JWT (roles: admin, training-officer, unit-head, staff, auditor, kiosk).',
    'Errors are RFC 9457 application/problem+json. Commands accept Idempotency-Key; updates accept If-Match.',
    'Every response carries X-Correlation-Id; send your own to follow a request into the event log.',
  ].join('\n\n'),
  uiPath: 'api/docs',
  jsonPath: 'api/docs-json',
  bearer: true,
};
