import type { DynamicModule, INestApplication } from '@nestjs/common';
import { GatewayConfig, loadConfig, ServiceConfig } from '@kompeten/config';
import { createServiceApp } from '@kompeten/platform';
import { createTestAuth, TestAuth, internalIdentityEnv } from '@kompeten/testing';
import { BudgetModule } from '../../services/budget/src/budget.module';
import { EnrolmentModule } from '../../services/enrolment/src/enrolment.module';
import { FeedbackModule } from '../../services/feedback/src/feedback.module';
import { GatewayModule } from '../../services/gateway/src/gateway.module';
import { GATEWAY_OPENAPI } from '../../services/gateway/src/gateway.openapi';
import { createEmptyDatabase } from './databases';

const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
const NOWHERE = 'http://127.0.0.1:9';

export interface RunningService {
  app: INestApplication;
  /** The service's own throwaway database (`kompeten_bench_*`). */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** A real service (its module, workers and migrations), in this process, on a throwaway database. */
async function startService(
  name: 'feedback' | 'enrolment' | 'budget',
  register: (config: ServiceConfig) => DynamicModule,
): Promise<RunningService> {
  const db = await createEmptyDatabase(name);
  try {
    const config = loadConfig(ServiceConfig, {
      PORT: '1',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: BROKERS,
      LOG_LEVEL: 'error',
      ...internalIdentityEnv(),
    });
    const app = await createServiceApp(register(config), config, name);
    await app.init();
    return {
      app,
      databaseUrl: db.url,
      stop: async () => {
        await app.close();
        await db.drop();
      },
    };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/** The real feedback service, in this process, on a throwaway database. */
export const startFeedback = () => startService('feedback', (config) => FeedbackModule.register(config));

/** The real enrolment service, in this process, on a throwaway database. */
export const startEnrolment = () => startService('enrolment', (config) => EnrolmentModule.register(config));

/** The real budget service, in this process, on a throwaway database. */
export const startBudget = () => startService('budget', (config) => BudgetModule.register(config));

/**
 * The real gateway, in this process, on a throwaway database, trusting a throwaway signing key
 * (`auth` issues its tokens). Services it is not given are unreachable.
 */
export async function startGatewayApp(
  urls: Partial<Record<'ENROLMENT_URL' | 'ASSESSMENT_URL' | 'BUDGET_URL' | 'FEEDBACK_URL', string>>,
  env: Record<string, string> = {},
): Promise<RunningService & { auth: TestAuth }> {
  const auth = await createTestAuth();
  const db = await createEmptyDatabase('gateway');
  try {
    const config = loadConfig(GatewayConfig, {
      PORT: '1',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: BROKERS,
      LOG_LEVEL: 'error',
      ...internalIdentityEnv(),
      AUTH_LOCAL_JWKS: auth.jwks,
      ENROLMENT_URL: NOWHERE,
      ASSESSMENT_URL: NOWHERE,
      BUDGET_URL: NOWHERE,
      FEEDBACK_URL: NOWHERE,
      ...urls,
      ...env,
    });
    const app = await createServiceApp(GatewayModule.register(config), config, 'gateway', GATEWAY_OPENAPI);
    await app.init();
    return {
      app,
      auth,
      databaseUrl: db.url,
      stop: async () => {
        await app.close();
        await db.drop();
      },
    };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/** Where an app listening on 127.0.0.1 answers. */
export const urlOf = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');
