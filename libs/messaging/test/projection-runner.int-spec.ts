import type { DataSource, QueryRunner } from 'typeorm';
import { EventStore, eventStoreMigrations, StoredEvent } from '@kompeten/event-store';
import { createTestDatabase, eventually, migratedDataSource, TestDatabase } from '@kompeten/testing';
import { messagingMigrations, Projection, ProjectionRunner } from '../src';
import { appendAcrossStreams } from './support/event-log';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Committed funds per budget stream: what a budget dashboard would read. */
const committedFunds = (name: string, version = 1): Projection => ({
  name,
  version,
  async createTable(tx: QueryRunner, table: string) {
    await tx.query(
      `create table "${table}" (stream_id text primary key, events int not null, total bigint not null, last_version int not null, last_position bigint not null)`,
    );
  },
  async apply(event: StoredEvent, tx: QueryRunner, table: string) {
    const amount = (event.data as { amount?: number }).amount ?? 0;
    await tx.query(
      `insert into "${table}" as t values ($1, 1, $2, $3, $4)
       on conflict (stream_id) do update set events = t.events + 1, total = t.total + excluded.total, last_version = excluded.last_version, last_position = excluded.last_position`,
      [event.streamId, amount, event.streamVersion, event.position],
    );
  },
});

/** The same read model, computed straight from the log in memory: what any correct table must equal. */
async function expectedFunds(store: EventStore) {
  const rows = new Map<
    string,
    { stream_id: string; events: number; total: string; last_version: number; last_position: string }
  >();
  for (const e of await store.readAll(0, 100_000)) {
    const r = rows.get(e.streamId) ?? {
      stream_id: e.streamId,
      events: 0,
      total: '0',
      last_version: 0,
      last_position: '0',
    };
    rows.set(e.streamId, {
      ...r,
      events: r.events + 1,
      total: String(Number(r.total) + ((e.data as { amount?: number }).amount ?? 0)),
      last_version: e.streamVersion,
      last_position: String(e.position),
    });
  }
  return [...rows.values()].sort((a, b) => a.stream_id.localeCompare(b.stream_id));
}

describe('a projection', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  const runners: ProjectionRunner[] = [];
  const runner = (projection: Projection, batchSize = 500) => {
    const r = new ProjectionRunner({
      dataSource: ds,
      store,
      projection,
      batchSize,
      pollIntervalMs: 200,
      logger: quiet,
    });
    runners.push(r);
    return r;
  };
  const readView = (view: string) => ds.query<Record<string, unknown>[]>(`select * from "${view}" order by stream_id`);
  const viewTable = async (view: string) =>
    (
      await ds.query<{ table_name: string }[]>(
        `select table_name from information_schema.view_table_usage where view_name = $1`,
        [view],
      )
    )[0]?.table_name;

  beforeAll(async () => {
    db = await createTestDatabase('projection');
    ds = await migratedDataSource(db, [...eventStoreMigrations, ...messagingMigrations]);
    store = new EventStore(ds);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('rebuilt from zero equals the live one, and the live one serves reads throughout the rebuild', async () => {
    const live = runner(committedFunds('funds_by_budget'), 7);
    await appendAcrossStreams(store, { streams: 6, eventsPerStream: 10, prefix: 'budget' });
    await live.catchUp();
    await appendAcrossStreams(store, { streams: 3, eventsPerStream: 10, prefix: 'late' });
    const head = await live.catchUp();
    expect(head).toBe((await store.head()).position);
    const liveRows = await readView('funds_by_budget');
    expect(liveRows).toEqual(await expectedFunds(store));
    expect(await viewTable('funds_by_budget')).toBe('funds_by_budget__v1');

    const duringRebuild: { position: number; rows: unknown[]; servedBy: string; partial: number }[] = [];
    const rebuilt = await runner(committedFunds('funds_by_budget'), 7).rebuild({
      onProgress: async (p) =>
        void duringRebuild.push({
          position: p.position,
          rows: await readView('funds_by_budget'),
          servedBy: await viewTable('funds_by_budget'),
          partial: (
            await ds.query<{ n: number }[]>(`select coalesce(sum(events), 0)::int as n from "${p.tableName}"`)
          )[0].n,
        }),
    });
    expect(duringRebuild.length).toBeGreaterThan(5);
    for (const seen of duringRebuild) {
      // Readers keep getting the complete live model, never the table being built.
      expect(seen).toMatchObject({ rows: liveRows, servedBy: 'funds_by_budget__v1', partial: seen.position });
    }
    expect(rebuilt).toMatchObject({ tableName: 'funds_by_budget__v2', state: 'active', position: head });
    expect(await viewTable('funds_by_budget')).toBe('funds_by_budget__v2');
    expect(await readView('funds_by_budget')).toEqual(liveRows);
    expect(await ds.query(`select to_regclass('funds_by_budget__v1') as t`)).toEqual([{ t: null }]);
    expect(
      await ds.query(
        `select table_name, state, position from projection_checkpoint where projection = 'funds_by_budget'`,
      ),
    ).toEqual([{ table_name: 'funds_by_budget__v2', state: 'active', position: String(head) }]);
  });

  it('takes in events appended while it is being rebuilt, in the old table and the new', async () => {
    const name = 'funds_busy';
    const live = runner(committedFunds(name), 10);
    await live.start();
    await appendAcrossStreams(store, { streams: 2, eventsPerStream: 5, prefix: 'busy' });
    let appendedDuring = 0;
    const served: number[] = [];
    const committedAfter: number[] = [];
    await runner(committedFunds(name), 10).rebuild({
      onProgress: async () => {
        // While the rebuild waits here, the table readers see (the old one) must take in everything
        // committed before the previous step: the live runner keeps serving during a rebuild. (It may
        // lag a moment on a busy machine, so this waits for it rather than reading once.)
        const due = committedAfter[committedAfter.length - 1] ?? 0;
        served.push(
          await eventually(async () => {
            const [{ n }] = await ds.query<{ n: number }[]>(`select coalesce(sum(events), 0)::int as n from "${name}"`);
            return n >= due ? n : undefined;
          }),
        );
        if (appendedDuring++ < 3)
          await appendAcrossStreams(store, { streams: 2, eventsPerStream: 2, prefix: `busy-during-${appendedDuring}` });
        committedAfter.push((await store.head()).position);
      },
    });
    // At each step of the rebuild, the table readers see already holds everything committed before the previous step.
    for (let i = 1; i < served.length; i++) expect(served[i]).toBeGreaterThanOrEqual(committedAfter[i - 1]);
    const head = (await store.head()).position;
    await eventually(async () => ((await live.status()).position === head ? true : undefined));
    expect((await live.status()).tableName).toBe(`${name}__v2`);
    expect(await readView(name)).toEqual(await expectedFunds(store));
  });

  it('hands whole batches to a projection that takes them (applyBatch), with the same result', async () => {
    const base = committedFunds('funds_batched');
    const batches: number[] = [];
    const batched: Projection = {
      ...base,
      async applyBatch(events, tx, table) {
        batches.push(events.length);
        for (const e of events) await base.apply(e, tx, table);
      },
    };
    await appendAcrossStreams(store, { streams: 3, eventsPerStream: 7, prefix: 'batched' });
    const head = (await store.head()).position;
    expect(await runner(batched, 10).catchUp()).toBe(head);
    expect(await readView('funds_batched')).toEqual(await expectedFunds(store));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(head); // every event, each once
    expect(Math.max(...batches)).toBe(10);
  });

  it('follows new events while started, woken by the commit', async () => {
    const name = 'funds_followed';
    const live = runner(committedFunds(name));
    await live.start();
    await store.append('followed-1', 'no-stream', [{ type: 'FundsCommitted', data: { amount: 250_000 } }], {
      actor: 't',
      correlationId: 'c',
      causationId: null,
    });
    const rows = await eventually(async () => {
      const r = await ds.query<{ stream_id: string; total: string }[]>(
        `select stream_id, total from "${name}" where stream_id = 'followed-1'`,
      );
      return r.length ? r : undefined;
    });
    expect(rows).toEqual([{ stream_id: 'followed-1', total: '250000' }]);
  });

  it('rebuilds into a fresh table on start when its version has changed', async () => {
    const name = 'funds_versioned';
    await runner(committedFunds(name, 1)).catchUp();
    const v2 = runner(committedFunds(name, 2));
    await v2.start();
    await eventually(async () => ((await v2.status()).tableName === `${name}__v2` ? true : undefined));
    expect(
      await ds.query(`select definition_version from projection_checkpoint where projection = $1`, [name]),
    ).toEqual([{ definition_version: 2 }]);
    expect(await readView(name)).toEqual(await expectedFunds(store));
  });
});
