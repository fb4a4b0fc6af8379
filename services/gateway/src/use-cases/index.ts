import { USE_CASES } from '@kompeten/api';
import { gatewayUseCaseRoutes } from './gateway-use-case-routes';

/** Every published use case, as gateway routes (generated from the declarations in @kompeten/api). */
export const GatewayUseCases = gatewayUseCaseRoutes(USE_CASES);
export { GatewayHooks } from './gateway-hooks';
