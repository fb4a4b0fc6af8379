import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@kompeten/config';
import { Clock, createServiceApp } from '@kompeten/platform';
import { createTestDatabase, TestDatabase, testBrokers, internalIdentityEnv } from '@kompeten/testing';
import { BudgetModule } from '../src/budget.module';

export interface BudgetApp {
  app: INestApplication<Server>;
  db: TestDatabase;
  /** Stops the service, keeping its database (a restart starts another app on it). */
  close: () => Promise<void>;
  /** Stops the service and drops its database. */
  stop: () => Promise<void>;
}

/** A clock the test sets (the time of day matters: the city's date is not UTC's). */
export class TestClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now() {
    return new Date(this.current);
  }
}

/**
 * The real budget service on a throwaway database (or the given one) and the real broker; `clock`
 * replaces the system clock for its handlers.
 */
export async function startBudgetApp(existing?: TestDatabase, options: { clock?: Clock } = {}): Promise<BudgetApp> {
  const db = existing ?? (await createTestDatabase('budget'));
  const config = loadConfig(ServiceConfig, {
    PORT: '1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testBrokers().join(','),
    LOG_LEVEL: 'error',
    ...internalIdentityEnv(),
  });
  const app = await createServiceApp(BudgetModule.register(config, options), config, 'budget');
  await app.init();
  const close = () => app.close();
  return {
    app,
    db,
    close,
    stop: async () => {
      await close();
      await db.drop();
    },
  };
}

/**
 * A unit code no other test or earlier run uses: the broker and the consumer group are shared, so
 * old enrolment events for other units may arrive — they are answered (no-budget) and change nothing here.
 */
export const uniqueOpd = (label: string) => `${label}-${randomBytes(4).toString('hex').toUpperCase()}`;
