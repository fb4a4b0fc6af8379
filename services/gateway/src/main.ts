import 'reflect-metadata';
import { GatewayConfig } from '@kompeten/config';
import { bootstrapService } from '@kompeten/platform';
import { GatewayModule } from './gateway.module';

void bootstrapService('gateway', GatewayConfig, (config) => GatewayModule.register(config));
