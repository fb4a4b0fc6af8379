import { DataSource, Migration } from 'typeorm';

// Several replicas may start at once; only one may migrate. A session-level advisory lock on a
// fixed key serialises them: the others wait, then find nothing left to run.
const MIGRATION_LOCK_KEY = 4_711_2017;

/** Runs pending TypeORM migrations under an advisory lock; returns the ones it applied. */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
