import { INestApplication } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@kompeten/config';
import { createServiceApp } from '@kompeten/platform';
import { createTestDatabase, TestDatabase, testBrokers, internalIdentityEnv } from '@kompeten/testing';
import { FeedbackModule } from '../src/feedback.module';

/** The real feedback service on a throwaway database and the real broker. */
export async function startFeedbackApp(): Promise<{
  app: INestApplication;
  db: TestDatabase;
  stop: () => Promise<void>;
}> {
  const db = await createTestDatabase('feedback');
  const config = loadConfig(ServiceConfig, {
    PORT: '1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testBrokers().join(','),
    LOG_LEVEL: 'error',
    ...internalIdentityEnv(),
  });
  const app = await createServiceApp(FeedbackModule.register(config), config, 'feedback');
  await app.init();
  return {
    app,
    db,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** A run-unique prefix: the broker and the consumer groups are shared by every test and every run. */
export const runTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

/**
 * Distinct valid NIPs for one run: a random birth date (1960–1994), appointed 2010-01, sequence i.
 * Random per run, so that events a failed earlier run left on the shared topics never match.
 */
export function nipsForRun() {
  const birth = `${1960 + Math.floor(Math.random() * 35)}${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
  return (i: number) => `${birth}201001${1 + (i % 2)}${String(i).padStart(3, '0')}`;
}

/** Object mothers. */
export const unitBody = (unitCode: string, over: Record<string, unknown> = {}) => ({
  unitCode,
  name: `Puskesmas ${unitCode}`,
  opd: 'DINKES',
  kind: 'puskesmas',
  annualServiceUsers: 400,
  services: [
    { code: 'POLI-UMUM', name: 'Poli umum' },
    { code: 'KIA', name: 'Kesehatan ibu dan anak' },
  ],
  ...over,
});
export const scoresOf = (digits: string) => Object.fromEntries([...digits].map((d, i) => [`u${i + 1}`, Number(d)]));
export const responseBody = (submissionId: string, unitCode: string, over: Record<string, unknown> = {}) => ({
  submissionId,
  unitCode,
  serviceCode: 'POLI-UMUM',
  servedOn: '2026-02-10',
  scores: scoresOf('333333333'),
  channel: 'kiosk',
  ...over,
});
