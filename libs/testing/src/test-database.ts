import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database on the real Postgres server, dropped by `drop()`. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `kompeten_t_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: SERVER });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** A TypeORM DataSource on a fresh database with the given migrations applied. */
export async function migratedDataSource(
  db: TestDatabase,
  migrations: (new () => MigrationInterface)[],
  extra: Partial<DataSourceOptions> = {},
): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url: db.url,
    migrations,
    synchronize: false,
    ...extra,
  } as DataSourceOptions);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
