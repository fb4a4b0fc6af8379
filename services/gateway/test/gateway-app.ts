import type { INestApplication } from '@nestjs/common';
import { GatewayConfig, loadConfig } from '@kompeten/config';
import { createServiceApp } from '@kompeten/platform';
import { createTestAuth, createTestDatabase, TestAuth, testBrokers, internalIdentityEnv } from '@kompeten/testing';
import { GatewayModule } from '../src/gateway.module';
import { GATEWAY_OPENAPI } from '../src/gateway.openapi';

const NOWHERE = 'http://127.0.0.1:9';

/** The real gateway on a throwaway database; services it is not given are unreachable (→ 503). */
export async function startGateway(
  urls: Partial<Record<'ENROLMENT_URL' | 'ASSESSMENT_URL' | 'BUDGET_URL' | 'FEEDBACK_URL', string>> = {},
  env: Record<string, string> = {},
) {
  const auth: TestAuth = await createTestAuth();
  const db = await createTestDatabase('gateway');
  const config = loadConfig(GatewayConfig, {
    PORT: '1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testBrokers().join(','),
    LOG_LEVEL: 'error',
    ...internalIdentityEnv(),
    AUTH_LOCAL_JWKS: auth.jwks,
    ENROLMENT_URL: NOWHERE,
    ASSESSMENT_URL: NOWHERE,
    BUDGET_URL: NOWHERE,
    FEEDBACK_URL: NOWHERE,
    // Correctness, not speed, is what these tests check: 2 s gave a 503 on a certificate PDF while the
    // 2-core machine was busy (load 9). Timeouts themselves are tested with a service that never answers.
    DOWNSTREAM_TIMEOUT_MS: '10000',
    ...urls,
    ...env,
  });
  const app: INestApplication = await createServiceApp(
    GatewayModule.register(config),
    config,
    'gateway',
    GATEWAY_OPENAPI,
  );
  await app.init();
  return {
    app,
    auth,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Tokens for each role, as the identity provider would issue them. */
export async function roleTokens(auth: TestAuth) {
  return {
    admin: await auth.token({ roles: ['admin'] }),
    'training-officer': await auth.token({ roles: ['training-officer'] }),
    'unit-head': await auth.token({ roles: ['unit-head'], unit: 'DINKES' }),
    staff: await auth.token({ roles: ['staff'], nip: '198609262015051001' }),
    auditor: await auth.token({ roles: ['auditor'] }),
    kiosk: await auth.token({ roles: ['kiosk'] }),
  };
}
