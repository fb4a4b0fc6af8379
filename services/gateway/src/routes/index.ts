import { LiveFeedRoutes } from '../live/live-feed.routes';
import { GatewayUseCases } from '../use-cases';
import { AuditRoutes } from './audit.routes';
import { DocsRoutes } from './docs.routes';

/**
 * Every public route of the gateway: the use cases (generated from their declarations in
 * @kompeten/api), and three that are not one service's use case — the auditors' access to each
 * service's log (`:service` picks it), the live feed (SSE, merged from every service's events)
 * and the AsyncAPI document.
 */
export const GATEWAY_ROUTES = [GatewayUseCases, AuditRoutes, LiveFeedRoutes, DocsRoutes];
