import { createTestDatabase, migratedDataSource, TestDatabase } from '@kompeten/testing';
import { eventStoreMigrations } from '@kompeten/event-store';
import { runMigrations } from '@kompeten/platform';
import { DataSource } from 'typeorm';

describe('migrations on a real database', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    ds = new DataSource({ type: 'postgres', url: db.url, migrations: eventStoreMigrations });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('creates the event store tables, once, even when several replicas migrate at the same moment', async () => {
    const [a, b] = await Promise.all([runMigrations(ds), runMigrations(ds)]);
    expect(a.length + b.length).toBe(eventStoreMigrations.length);
    const tables = await ds.query<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['es_event', 'es_head', 'migrations']));
    expect(await runMigrations(ds)).toEqual([]);
  });

  it('makes the event table append-only in the database itself', async () => {
    await expect(ds.query('delete from es_event')).rejects.toThrow(/append-only/);
    await expect(ds.query('truncate es_event')).rejects.toThrow(/append-only/);
  });

  it('can be reverted, leaving an empty schema', async () => {
    const other = await createTestDatabase('revert');
    const ds2 = await migratedDataSource(other, eventStoreMigrations);
    try {
      for (let i = 0; i < eventStoreMigrations.length; i++) await ds2.undoLastMigration();
      const tables = await ds2.query<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name like 'es_%'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await ds2.destroy();
      await other.drop();
    }
  });
});
