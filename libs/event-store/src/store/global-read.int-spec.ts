import fc from 'fast-check';
import { createTestDatabase, migratedDataSource, TestDatabase } from '@kompeten/testing';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../schema';
import { EventStore } from './event-store';

const meta = { actor: 'test', correlationId: 'c', causationId: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One writer's plan: batches of events on its own streams; some transactions are held open a
// while (so they commit "late") and some roll back (their events must never be seen).
const writerPlan = fc.array(
  fc.record({
    events: fc.integer({ min: 1, max: 4 }),
    holdMs: fc.integer({ min: 0, max: 15 }),
    rollback: fc.boolean(),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('reading the global log after a position', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('global_read');
    ds = await migratedDataSource(db, eventStoreMigrations, { extra: { max: 20 } });
    store = new EventStore(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('sees every committed event exactly once, in order, while many writers race', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(writerPlan, { minLength: 2, maxLength: 8 }), async (writers) => {
        run++;
        const start = (await store.head()).position;
        const committed = new Set<string>();
        let writing = true;
        const seen: { eventId: string; position: number }[] = [];

        const reader = (async () => {
          let after = start;
          for (let more = true; more;) {
            more = writing; // one last pass after the writers are done
            const batch = await store.readRecords(after, 7);
            for (const r of batch) seen.push({ eventId: r.eventId, position: r.position });
            if (batch.length) after = batch[batch.length - 1].position;
            if (batch.length === 7) more = true;
            else await sleep(1);
          }
        })();

        await Promise.all(
          writers.map(async (plan, w) => {
            for (const [b, step] of plan.entries()) {
              const tx = ds.createQueryRunner();
              await tx.connect();
              await tx.startTransaction();
              try {
                const events = Array.from({ length: step.events }, (_, i) => ({ type: 'Tick', data: { w, b, i } }));
                const stored = await store.append(`run-${run}-writer-${w}`, 'any', events, meta, tx);
                await sleep(step.holdMs);
                if (step.rollback) await tx.rollbackTransaction();
                else {
                  await tx.commitTransaction();
                  for (const e of stored) committed.add(e.eventId);
                }
              } finally {
                await tx.release();
              }
            }
          }),
        );
        writing = false;
        await reader;

        const ids = seen.map((s) => s.eventId);
        expect(new Set(ids).size).toBe(ids.length); // nothing twice
        expect(new Set(ids)).toEqual(committed); // nothing lost, nothing rolled back
        expect(seen.map((s) => s.position)).toEqual(seen.map((_, i) => start + i + 1)); // in order, no gaps
      }),
      { numRuns: 15 },
    );
  }, 120000);
});
