import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { GatewayConfig } from '@kompeten/config';
import { PlatformModule } from '@kompeten/platform';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { CorrelationMiddleware } from './correlation/correlation.middleware';
import { Forward } from './downstream/forward';
import { ServiceClient } from './downstream/service-client';
import { UnitDirectory } from './downstream/unit-directory';
import { CreateIdempotencyRecords1732000000200 } from './idempotency/create-idempotency-records.migration';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { PUBLIC_SURVEY, RateLimitGuard } from './rate-limit.guard';
import { TrustProxyHops } from './rate-limit-client-address';
import { WindowCounterStorage } from './rate-limit-storage';
import { GATEWAY_ROUTES } from './routes';
import { LiveFeed } from './live/live-feed';
import { GatewayHooks } from './use-cases';

/** The one door for frontends: auth, roles, validation, idempotency, rate limits, routing. */
@Module({})
export class GatewayModule implements NestModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService({ service: 'gateway', config, migrations: [CreateIdempotencyRecords1732000000200] }),
        ThrottlerModule.forRootAsync({
          inject: [Reflector],
          useFactory: (reflector: Reflector) => ({
            throttlers: [
              {
                name: 'default',
                ttl: 60_000,
                limit: (ctx) =>
                  reflector.get<boolean>(PUBLIC_SURVEY, ctx.getHandler())
                    ? config.SURVEY_RATE_LIMIT_PER_MINUTE
                    : config.RATE_LIMIT_PER_MINUTE,
              },
            ],
            errorMessage: 'Too many requests',
            storage: new WindowCounterStorage(),
          }),
        }),
      ],
      controllers: GATEWAY_ROUTES,
      providers: [
        TokenVerifier,
        ServiceClient,
        Forward,
        IdempotencyStore,
        LiveFeed,
        UnitDirectory,
        GatewayHooks,
        TrustProxyHops,
        // Order matters: authenticate first, so that limits count per token.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(CorrelationMiddleware).forRoutes('*');
  }
}
