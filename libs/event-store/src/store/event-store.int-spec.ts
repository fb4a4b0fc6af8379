import { createTestDatabase, migratedDataSource, TestDatabase } from '@kompeten/testing';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../schema';
import { EventMetadata } from './event-envelope';
import { EventStore } from './event-store';
import { WrongExpectedVersionError } from './errors';
import { handleCommand } from '../decider/handle-command';
import { Decider } from '../decider/decider';
import { UpcasterRegistry } from '../upcasting/upcasters';

const meta: EventMetadata = { actor: 'user:officer-bkpsdm', correlationId: 'corr-1', causationId: null };
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the Postgres event store', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('event_store');
    ds = await migratedDataSource(db, eventStoreMigrations, { extra: { max: 24 } });
    store = new EventStore(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('appends events with the full envelope and reads the stream back in order', async () => {
    const occurredAt = new Date('2026-03-31T08:00:00.000Z');
    const appended = await store.append(
      'staff-1',
      'no-stream',
      [
        { type: 'StaffRegistered', data: { nip: '198609262015051001' }, occurredAt },
        { type: 'StaffTransferred', data: { to: 'DINKES' } },
      ],
      { ...meta, causationId: 'cmd-7' },
    );
    const read = await store.readStream('staff-1');
    expect(read).toEqual(appended);
    expect(read.map((e) => [e.type, e.streamVersion])).toEqual([
      ['StaffRegistered', 1],
      ['StaffTransferred', 2],
    ]);
    expect(read[0]).toMatchObject({
      schemaVersion: 2,
      occurredAt: occurredAt.toISOString(),
      metadata: { actor: 'user:officer-bkpsdm', correlationId: 'corr-1', causationId: 'cmd-7' },
    });
    expect(read[0].eventId).toMatch(UUID_V7);
    expect(read[1].position).toBe(read[0].position + 1);
    expect(read[1].prevHash).toBe(read[0].hash);
    expect(await store.streamVersion('staff-1')).toBe(2);
  });

  it('verifies a busy log: an event appended while the chain is being recomputed is not a broken head', async () => {
    // A store whose log gets a new event while verify() is reading it (as the erasure proof saw in CI).
    class BusyStore extends EventStore {
      override async *records(after?: number, batchSize?: number) {
        let appended = false;
        for await (const r of super.records(after, batchSize)) {
          yield r;
          if (!appended) {
            appended = true;
            await store.append(`busy-${Date.now()}`, 'no-stream', [{ type: 'Busy', data: {} }], meta);
          }
        }
      }
    }
    await store.append('busy-seed', 'no-stream', [{ type: 'Busy', data: {} }], meta);
    const before = await store.head();
    const report = await new BusyStore(ds).verify();
    expect(report).toMatchObject({ ok: true, headAgrees: true, headPosition: before.position });
    expect((await store.head()).position).toBe(before.position + 1); // the append did happen meanwhile
  });

  it('lets exactly one of many concurrent appends with the same expected version win', async () => {
    await store.append('programme-race', 'no-stream', [{ type: 'ProgrammePublished', data: {} }], meta);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        store.append('programme-race', 1, [{ type: 'ProgrammeRevised', data: { by: i } }], meta),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const l of lost) {
      const reason: unknown = l.reason;
      if (!(reason instanceof WrongExpectedVersionError)) throw new Error(`unexpected rejection: ${String(reason)}`);
      expect(reason.problem()).toMatchObject({ status: 409, expectedVersion: 1, actualVersion: 2 });
    }
    expect(await store.streamVersion('programme-race')).toBe(2);
  });

  it('commits concurrent appends together (group commit), each with its own answer', async () => {
    const before = await store.head();
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) =>
        store.append(`group-${i}`, 'no-stream', [{ type: 'Tick', data: { i } }], meta),
      ),
      store.append('staff-1', 0, [{ type: 'Late', data: {} }], meta), // stale: staff-1 is at version 2
    ]);
    expect(results.slice(0, 20).every((r) => r.status === 'fulfilled')).toBe(true);
    expect((results[20] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    const positions = results
      .slice(0, 20)
      .map((r) => (r as PromiseFulfilledResult<{ position: number }[]>).value[0].position)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => before.position + i + 1));
    expect((await store.verify()).ok).toBe(true);
  });

  it('refuses no-stream for an existing stream and a stale version, appending nothing', async () => {
    await store.append('budget-x', 'no-stream', [{ type: 'BudgetOpened', data: {} }], meta);
    const before = await store.head();
    await expect(
      store.append('budget-x', 'no-stream', [{ type: 'BudgetOpened', data: {} }], meta),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(store.append('budget-x', 0, [{ type: 'FundsAllocated', data: {} }], meta)).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await store.head()).toEqual(before);
  });

  it('rolls an append back with the caller transaction, leaving no gap in positions', async () => {
    const before = await store.head();
    const tx = ds.createQueryRunner();
    await tx.connect();
    await tx.startTransaction();
    await store.append('staff-rollback', 'no-stream', [{ type: 'StaffRegistered', data: {} }], meta, tx);
    await tx.rollbackTransaction();
    await tx.release();
    expect(await store.head()).toEqual(before);
    const [next] = await store.append('staff-rollback', 'no-stream', [{ type: 'StaffRegistered', data: {} }], meta);
    expect(next.position).toBe(before.position + 1);
  });

  it('handles a command through a decider, and turns a racing second command into a conflict', async () => {
    type E = { type: 'JpCredited'; data: { jp: number } };
    const ledger: Decider<{ jp: number }, number, E> = {
      initialState: () => 0,
      evolve: (s, e) => s + e.data.jp,
      decide: (c) => [{ type: 'JpCredited', data: { jp: c.jp } }],
    };
    const first = await handleCommand(store, ledger, 'ledger-1', { jp: 8 }, meta);
    expect(first.version).toBe(1);
    await expect(
      handleCommand(store, ledger, 'ledger-1', { jp: 4 }, meta, { expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    const second = await handleCommand(store, ledger, 'ledger-1', { jp: 4 }, meta);
    expect(second.events.map((e) => e.data)).toEqual([{ jp: 4 }]);
    expect(second.version).toBe(2);
  });

  it('with cacheState, folds only the events appended since, including those another process appended', async () => {
    type E = { type: 'JpCredited'; data: { jp: number } };
    const ledger: Decider<{ jp: number }, { total: number; credits: number[] }, E> = {
      initialState: () => ({ total: 0, credits: [] }),
      evolve: (s, e) => ({ total: s.total + e.data.jp, credits: [...s.credits, e.data.jp] }),
      // The decision depends on the whole state, so a wrong fold shows in the appended event.
      decide: (c, s) => [{ type: 'JpCredited', data: { jp: c.jp + s.total * 1000 } }],
    };
    const reads: number[] = [];
    const spied = new EventStore(ds);
    const readStream = spied.readStream.bind(spied);
    spied.readStream = async (id: string, from?: number) => {
      reads.push(from ?? 1);
      return readStream(id, from);
    };
    const other = new EventStore(ds); // another replica: its own cache, the same log

    await handleCommand(spied, ledger, 'ledger-cached', { jp: 1 }, meta, { cacheState: true });
    await handleCommand(spied, ledger, 'ledger-cached', { jp: 2 }, meta, { cacheState: true });
    await handleCommand(other, ledger, 'ledger-cached', { jp: 3 }, meta, { cacheState: true });
    const last = await handleCommand(spied, ledger, 'ledger-cached', { jp: 4 }, meta, { cacheState: true });

    // Each read starts after the version folded last time; a command's own append is read back once
    // by the next command (only what the store returned is ever cached).
    expect(reads).toEqual([1, 1, 2]);
    const before = (await store.readStream<E>('ledger-cached'))
      .slice(0, 3)
      .reduce((state, e) => ledger.evolve(state, e), ledger.initialState());
    expect(before.credits).toHaveLength(3);
    expect(last.events[0].data.jp).toBe(4 + before.total * 1000); // decided on all three earlier events
    expect(last.version).toBe(4);

    // After a conflict the cached state is dropped and the stream folded from the start.
    await expect(
      handleCommand(spied, ledger, 'ledger-cached', { jp: 5 }, meta, { cacheState: true, expectedVersion: 2 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await handleCommand(spied, ledger, 'ledger-cached', { jp: 6 }, meta, { cacheState: true });
    expect(reads.slice(-2)).toEqual([4, 1]);
  });

  it('upcasts an event stored by an older release on read, without rewriting it', async () => {
    const oldRelease = new EventStore(ds, { upcasters: new UpcasterRegistry({ StaffRenamed: 1 }) });
    await oldRelease.append('staff-old', 'no-stream', [{ type: 'StaffRenamed', data: { nama: 'Budi' } }], meta);
    const newRelease = new EventStore(ds, {
      upcasters: new UpcasterRegistry({ StaffRenamed: 2 }, [
        { type: 'StaffRenamed', fromVersion: 1, upcast: ({ nama }) => ({ name: nama }) },
      ]),
    });
    const [event] = await newRelease.readStream('staff-old');
    expect(event).toMatchObject({ schemaVersion: 2, data: { name: 'Budi' } });
    const [raw] = await ds.query<unknown[]>(
      `select schema_version, payload from es_event where stream_id = 'staff-old'`,
    );
    expect(raw).toEqual({ schema_version: 1, payload: { nama: 'Budi' } });
    expect((await newRelease.verify()).ok).toBe(true);
  });

  it('names the position of a payload altered in SQL behind its back', async () => {
    for (let i = 0; i < 5; i++)
      await store.append(`tamper-${i}`, 'no-stream', [{ type: 'SurveyResponseSubmitted', data: { score: 4 } }], meta);
    expect(await store.verify()).toMatchObject({ ok: true, headAgrees: true });
    const [{ position }] = await ds.query<{ position: string }[]>(
      `select position from es_event where stream_id = 'tamper-2'`,
    );
    await ds.query('alter table es_event disable trigger es_event_append_only');
    await ds.query(`update es_event set payload = '{"score": 1}' where position = $1`, [position]);
    await ds.query('alter table es_event enable trigger es_event_append_only');
    const report = await store.verify();
    expect(report).toMatchObject({
      ok: false,
      headAgrees: false,
      firstBreak: { position: Number(position), reason: 'hash-mismatch' },
    });
    // Put it back so that later tests see an intact log.
    await ds.query('alter table es_event disable trigger es_event_append_only');
    await ds.query(`update es_event set payload = '{"score": 4}' where position = $1`, [position]);
    await ds.query('alter table es_event enable trigger es_event_append_only');
    expect((await store.verify()).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE on the log itself', async () => {
    await expect(ds.query(`update es_event set type = 'x' where position = 1`)).rejects.toThrow(/append-only/);
    await expect(ds.query('delete from es_event where position = 1')).rejects.toThrow(/append-only/);
  });
});
