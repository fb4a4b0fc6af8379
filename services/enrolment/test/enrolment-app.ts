import { INestApplication } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@kompeten/config';
import { createServiceApp } from '@kompeten/platform';
import { createTestDatabase, TestDatabase, testBrokers, internalIdentityEnv } from '@kompeten/testing';
import { EnrolmentModule } from '../src/enrolment.module';

/**
 * The real enrolment service on a throwaway database (or the given one: a restart) and the real broker.
 * `close` stops it and keeps the database; `stop` drops the database too.
 */
export async function startEnrolmentApp(
  env: Record<string, string> = {},
  existing?: TestDatabase,
): Promise<{ app: INestApplication; db: TestDatabase; close: () => Promise<void>; stop: () => Promise<void> }> {
  const db = existing ?? (await createTestDatabase('enrolment'));
  const config = loadConfig(ServiceConfig, {
    PORT: '1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testBrokers().join(','),
    LOG_LEVEL: 'error',
    ...internalIdentityEnv(),
    ...env,
  });
  const app = await createServiceApp(EnrolmentModule.register(config), config, 'enrolment');
  await app.init();
  return {
    app,
    db,
    close: () => app.close(),
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Object mothers. */
export const staffBody = (nip: string, over: Record<string, unknown> = {}) => ({
  nip,
  name: 'Siti Rahmah',
  employmentType: 'PNS',
  workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' },
  position: 'Perawat',
  ...over,
});
export const programmeBody = (programmeId: string, over: Record<string, unknown> = {}) => ({
  programmeId,
  title: 'Komunikasi efektif dan manajemen pasien',
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  form: 'klasikal',
  jp: 24,
  costPerParticipant: 1500000,
  capacity: 2,
  fundingOpd: 'DINKES',
  sessions: [
    { sessionId: 's1', date: '2026-02-02', title: 'Hari 1' },
    { sessionId: 's2', date: '2026-02-03', title: 'Hari 2' },
  ],
  // The sessions lie in the past: the tests record training held before, which needs late enrolment.
  lateEnrolment: true,
  // Seats confirm on the budget's answer alone; tests of the unit head's release ask for it.
  releaseRequired: false,
  ...over,
});
/** Distinct valid NIPs: born in January 1980 (day from i), appointed 2010-01, male, sequence from i. */
export const nip = (i: number) =>
  `198001${String(1 + (Math.floor(i / 999) % 28)).padStart(2, '0')}2010011${String((i % 999) + 1).padStart(3, '0')}`;
