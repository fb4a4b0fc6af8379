import { DynamicModule, Module } from '@nestjs/common';
import { GatewayConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';

/** The gateway service: wiring only; use cases live in their own folders beside this file. */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forService({ service: 'gateway', config, migrations: [] })],
    };
  }
}
