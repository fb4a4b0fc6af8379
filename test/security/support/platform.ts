import type { DynamicModule, INestApplication } from '@nestjs/common';
import { GatewayConfig, loadConfig, ServiceConfig } from '@kompeten/config';
import { EventStore } from '@kompeten/event-store';
import { createServiceApp } from '@kompeten/platform';
import { createTestAuth, TestDatabase, httpOf, internalIdentityEnv } from '@kompeten/testing';
import { AssessmentConfig } from '../../../services/assessment/src/assessment.config';
import { AssessmentModule } from '../../../services/assessment/src/assessment.module';
import { BudgetModule } from '../../../services/budget/src/budget.module';
import { EnrolmentModule } from '../../../services/enrolment/src/enrolment.module';
import { FeedbackModule } from '../../../services/feedback/src/feedback.module';
import { GatewayModule } from '../../../services/gateway/src/gateway.module';
import { GATEWAY_OPENAPI } from '../../../services/gateway/src/gateway.openapi';
import { roleTokens } from '../../../services/gateway/test/gateway-app';
import { PRIVATE_BROKERS, startPrivateBroker } from '../../reliability/support/private-broker';
import { testDatabases } from '../../reliability/support/private-postgres';

/**
 * The five real services and the gateway in this process, on the tests' private broker (the
 * services' consumer groups have fixed names; on the shared broker they would join other runs'
 * groups) and private Postgres server (a whole platform's pools would crowd the shared one).
 */

export async function startSecuredPlatform(env: Record<string, string> = {}) {
  await startPrivateBroker();
  const createDatabase = await testDatabases();
  const dbs: TestDatabase[] = [];
  const apps: INestApplication[] = [];
  const start = async (name: string, module: (config: never) => DynamicModule, config: ServiceConfig, openApi = {}) => {
    const app = await createServiceApp(module(config as never), config, name, openApi);
    await app.init();
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return app;
  };
  const settings = async (name: string) => {
    const db = await createDatabase(name);
    dbs.push(db);
    return {
      PORT: '1',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: PRIVATE_BROKERS,
      LOG_LEVEL: 'error',
      ...internalIdentityEnv(),
      ...env,
    };
  };
  const [enrolment, budget, assessment, feedback] = await Promise.all([
    settings('sec_enrolment').then((s) =>
      start('enrolment', (c) => EnrolmentModule.register(c), loadConfig(ServiceConfig, s)),
    ),
    settings('sec_budget').then((s) => start('budget', (c) => BudgetModule.register(c), loadConfig(ServiceConfig, s))),
    settings('sec_assessment').then((s) =>
      start('assessment', (c) => AssessmentModule.register(c), loadConfig(AssessmentConfig, s)),
    ),
    settings('sec_feedback').then((s) =>
      start('feedback', (c) => FeedbackModule.register(c), loadConfig(ServiceConfig, s)),
    ),
  ]);
  const auth = await createTestAuth();
  const gatewayConfig = loadConfig(GatewayConfig, {
    ...(await settings('sec_gateway')),
    AUTH_LOCAL_JWKS: auth.jwks,
    DOWNSTREAM_TIMEOUT_MS: '5000',
    ENROLMENT_URL: await enrolment.getUrl(),
    BUDGET_URL: await budget.getUrl(),
    ASSESSMENT_URL: await assessment.getUrl(),
    FEEDBACK_URL: await feedback.getUrl(),
  });
  const gateway = await start('gateway', (c) => GatewayModule.register(c), gatewayConfig, GATEWAY_OPENAPI);
  const stores = {
    enrolment: enrolment.get(EventStore),
    budget: budget.get(EventStore),
    assessment: assessment.get(EventStore),
    feedback: feedback.get(EventStore),
  };
  return {
    gateway,
    enrolment,
    budget,
    assessment,
    feedback,
    auth,
    stores,
    tokens: await roleTokens(auth),
    api: () => httpOf(gateway),
    bearer: (token: string) => ({ Authorization: `Bearer ${token}` }),
    /** Each service's log head. */
    heads: async () =>
      Object.fromEntries(
        await Promise.all(Object.entries(stores).map(async ([s, store]) => [s, (await store.head()).position])),
      ) as Record<string, number>,
    /**
     * Events appended since `since` (heads) that carry this correlation id: what a request caused,
     * told apart from what the services' consumers append meanwhile for other events.
     */
    appendedWith: async (correlationId: string, since: Record<string, number>) => {
      let n = 0;
      for (const [s, store] of Object.entries(stores)) {
        for (let after = since[s]; ;) {
          const records = await store.readRecords(after, 500);
          n += records.filter((r) => r.metadata.correlationId === correlationId).length;
          if (records.length < 500) break;
          after = records[records.length - 1].position;
        }
      }
      return n;
    },
    async stop() {
      for (const app of apps.reverse()) await app.close();
      await Promise.all(dbs.map((d) => d.drop()));
    },
  };
}

export type SecuredPlatform = Awaited<ReturnType<typeof startSecuredPlatform>>;
