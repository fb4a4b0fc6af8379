import { createTestDatabase, migratedDataSource, TestDatabase } from '@kompeten/testing';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../schema';
import { AppendConditionError, WrongExpectedVersionError } from './errors';
import { EventMetadata, parentStreamOf } from './event-envelope';
import { EventStore } from './event-store';

const meta: EventMetadata = { actor: 'user:officer-bkpsdm', correlationId: 'corr-sub', causationId: null };
const SEATS = ['Seated', 'Left'] as const;
const seat = (nip: string) => ({ type: 'Seated', data: { nip } });

/**
 * Sub-streams and atomic appends across streams with a condition (a dynamic consistency boundary):
 * what lets a programme's participants live in their own streams while its seats stay exact.
 */
describe('sub-streams and conditional appends across streams', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_sub_streams');
    ds = await migratedDataSource(db, eventStoreMigrations, { extra: { max: 24 } });
    store = new EventStore(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('names the parent of a sub-stream, and a stream without one is its own parent', () => {
    expect(parentStreamOf('programme-p1/198609262015051001')).toBe('programme-p1');
    expect(parentStreamOf('programme-p1')).toBe('programme-p1');
  });

  it('appends to several streams atomically: all parts or none, and the chain stays whole', async () => {
    await store.append('programme-a', 'no-stream', [{ type: 'Published', data: {} }], meta);
    const written = await store.appendAll(
      [
        { streamId: 'programme-a/1', expected: 'no-stream', events: [seat('1')] },
        { streamId: 'programme-a/2', expected: 'no-stream', events: [seat('2'), { type: 'Attended', data: {} }] },
      ],
      meta,
    );
    expect(written.map((e) => [e.streamId, e.streamVersion])).toEqual([
      ['programme-a/1', 1],
      ['programme-a/2', 1],
      ['programme-a/2', 2],
    ]);
    expect(written[1].prevHash).toBe(written[0].hash);

    // The second part is stale: the first (a fresh stream) must not be written either.
    const before = await store.head();
    await expect(
      store.appendAll(
        [
          { streamId: 'programme-a/3', expected: 'no-stream', events: [seat('3')] },
          { streamId: 'programme-a/1', expected: 0, events: [{ type: 'Left', data: {} }] },
        ],
        meta,
      ),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.head()).toEqual(before);
    expect(await store.streamVersion('programme-a/3')).toBe(0);
    expect((await store.verify()).headAgrees).toBe(true);
  });

  it('reads a parent’s sub-streams after a position, by type, in log order — never the parent itself', async () => {
    const all = await store.readSubStreams('programme-a', null);
    expect(all.map((e) => [e.streamId, e.type])).toEqual([
      ['programme-a/1', 'Seated'],
      ['programme-a/2', 'Seated'],
      ['programme-a/2', 'Attended'],
    ]);
    const seats = await store.readSubStreams('programme-a', SEATS, all[0].position);
    expect(seats.map((e) => e.streamId)).toEqual(['programme-a/2']);
    // A parent whose id starts like another's is not part of it.
    await store.append('programme-ab/1', 'no-stream', [seat('9')], meta);
    expect((await store.readSubStreams('programme-a', SEATS)).map((e) => e.streamId)).toEqual([
      'programme-a/1',
      'programme-a/2',
    ]);
  });

  it('refuses an append when a boundary event came after what the decision read (409), and lets others through', async () => {
    const seen = (await store.readSubStreams('programme-a', SEATS)).at(-1)!.position;
    // Someone else takes a seat after we read.
    await store.append('programme-a/4', 'no-stream', [seat('4')], meta);
    const late = store.appendAll([{ streamId: 'programme-a/5', expected: 'no-stream', events: [seat('5')] }], meta, {
      noneAfter: { parent: 'programme-a', types: SEATS, position: seen },
    });
    await expect(late).rejects.toBeInstanceOf(AppendConditionError);
    await expect(late).rejects.toThrow(/programme-a changed after position/);
    expect(await store.streamVersion('programme-a/5')).toBe(0);
    // An event outside the boundary's types (attendance) does not stand in the way.
    const now = (await store.readSubStreams('programme-a', SEATS)).at(-1)!.position;
    await store.append('programme-a/1', 1, [{ type: 'Attended', data: {} }], meta);
    await store.appendAll([{ streamId: 'programme-a/5', expected: 'no-stream', events: [seat('5')] }], meta, {
      noneAfter: { parent: 'programme-a', types: SEATS, position: now },
    });
    expect(await store.streamVersion('programme-a/5')).toBe(1);
  });

  it('refuses an append when a stream it read but does not write has moved', async () => {
    await store.append('programme-a', 1, [{ type: 'Revised', data: {} }], meta);
    await expect(
      store.appendAll([{ streamId: 'programme-a/6', expected: 'no-stream', events: [seat('6')] }], meta, {
        unchanged: [{ streamId: 'programme-a', version: 1 }],
      }),
    ).rejects.toBeInstanceOf(AppendConditionError);
    await store.appendAll([{ streamId: 'programme-a/6', expected: 'no-stream', events: [seat('6')] }], meta, {
      unchanged: [{ streamId: 'programme-a', version: 2 }],
    });
    expect(await store.streamVersion('programme-a/6')).toBe(1);
  });

  it('lets exactly as many racing deciders through as the boundary allows, within one group commit too', async () => {
    // 30 concurrent "take the last seat" decisions, each having read the boundary at the same position:
    // they join the same group-commit transactions, and only the first may pass.
    const seen = (await store.readSubStreams('programme-a', SEATS)).at(-1)!.position;
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        store.appendAll([{ streamId: `programme-a/r${i}`, expected: 'no-stream', events: [seat(`r${i}`)] }], meta, {
          noneAfter: { parent: 'programme-a', types: SEATS, position: seen },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof AppendConditionError)).toHaveLength(29);
    expect((await store.readSubStreams('programme-a', SEATS, seen)).length).toBe(1);
    expect((await store.verify()).headAgrees).toBe(true);
  });

  it('reads a sub-stream boundary by its index, not by scanning the family', async () => {
    // On a table this small the planner would rightly scan it; on one connection, ask it not to.
    const runner = ds.createQueryRunner();
    try {
      await runner.query('set enable_seqscan = off');
      const plan = (await runner.query(
        `explain select position from es_event
          where split_part(stream_id, '/', 1) = 'programme-a' and strpos(stream_id, '/') > 0 and position > 5`,
      )) as { 'QUERY PLAN': string }[];
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('es_event_sub_stream_idx');
    } finally {
      await runner.release();
    }
  });
});
