import { LiveFeedRoutes } from '../live/live-feed.routes';
import { GatewayUseCases } from '../use-cases';
import { AuditRoutes } from './audit.routes';
import { DocsRoutes } from './docs.routes';
import { ErasureRoutes } from './erasure.routes';
import { ProjectionsRoutes } from './projections.routes';
import { XapiRoutes } from './xapi.routes';

/**
 * Every public route of the gateway: the use cases (generated from their declarations in
 * @kompeten/api), and the few that are not one service's use case — the auditors' access to each
 * service's log (`:service` picks it), the admins' erasure of a person (fanned out to every
 * service), the operators' projection rebuilds, the learning platforms' xAPI statements (xAPI's own
 * resource: POST and PUT, its version header), the live feed (SSE, merged from every service's events) and the AsyncAPI document.
 */
export const GATEWAY_ROUTES = [
  GatewayUseCases,
  AuditRoutes,
  ErasureRoutes,
  LiveFeedRoutes,
  DocsRoutes,
  ProjectionsRoutes,
  XapiRoutes,
];
