import settings from './settings.json';

export { ServiceConfig, GatewayConfig } from './service-config';
export { loadConfig, ConfigError } from './load-config';
export { inProductionEnv } from './personal-data-kek';

export type ServiceName = keyof typeof settings.ports;
/** Default port of each service (also used by docker-compose.yml and scripts/start.mjs). */
export const DEFAULT_PORTS: Record<ServiceName, number> = settings.ports;
export const SERVICE_NAMES = Object.keys(settings.ports) as ServiceName[];
