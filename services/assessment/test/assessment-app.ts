import { randomInt } from 'node:crypto';
import { loadConfig } from '@kompeten/config';
import { Clock, createServiceApp } from '@kompeten/platform';
import { createTestDatabase, TestDatabase, testBrokers, internalIdentityEnv } from '@kompeten/testing';
import { AssessmentConfig } from '../src/assessment.config';
import { AssessmentModule } from '../src/assessment.module';

/** A clock the test sets: "today" for handlers, queries and the expiry worker. */
export class TestClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now() {
    return new Date(this.current);
  }
  /** 16:00 WIB on that date (09:00 UTC): the same date in the city and in UTC. */
  set(isoDate: string) {
    this.current = new Date(`${isoDate}T09:00:00.000Z`);
  }
  /** An exact instant, e.g. 03:00 WIB, when the UTC date is still the day before. */
  setInstant(iso: string) {
    this.current = new Date(iso);
  }
}

/** The real assessment service on a throwaway database and the real broker, with a clock the test sets. */
export async function startAssessmentApp(env: Record<string, string> = {}, today = '2026-11-29') {
  const db: TestDatabase = await createTestDatabase('assessment');
  const config = loadConfig(AssessmentConfig, {
    PORT: '1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testBrokers().join(','),
    LOG_LEVEL: 'error',
    ...internalIdentityEnv(),
    ...env,
  });
  const clock = new TestClock(new Date(`${today}T09:00:00.000Z`));
  const app = await createServiceApp(AssessmentModule.register(config, { clock }), config, 'assessment');
  await app.init();
  return {
    app,
    db,
    clock,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * A valid NIP no earlier run used (the broker keeps every run's enrolment events, and a fresh
 * consumer group reads them all): random birth date, appointment, gender and sequence.
 */
export function uniqueNip(): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const born = randomInt(1965, 1990);
  const appointed = Math.min(born + randomInt(20, 36), 2024); // parseNip wants at least 15 years between
  return `${born}${pad(randomInt(1, 13))}${pad(randomInt(1, 29))}${appointed}${pad(randomInt(1, 13))}${randomInt(1, 3)}${pad(randomInt(1, 1000), 3)}`;
}
