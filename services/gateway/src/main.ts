import './instrument';
import 'reflect-metadata';
import { GatewayConfig } from '@kompeten/config';
import { bootstrapService } from '@kompeten/platform';
import { GatewayModule } from './gateway.module';
import { GATEWAY_OPENAPI } from './gateway.openapi';

void bootstrapService('gateway', GatewayConfig, (config) => GatewayModule.register(config), GATEWAY_OPENAPI);
