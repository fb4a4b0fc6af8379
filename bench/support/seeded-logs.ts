import { EventStore, type EventMetadata, type NewEvent } from '@kompeten/event-store';
import { now } from '../harness/measure';
import { BenchDatabase, createBenchDatabase } from './databases';
import { benchEvent, benchMetadata } from './events';

/** A store over a throwaway database holding `events` events, 100 per stream. */
export interface SeededLog {
  events: number;
  db: BenchDatabase;
  store: EventStore;
}

/**
 * Appends `count` events through the store, `batch` per append and one new stream per append, from
 * one writer: a bulk import. Returns the elapsed milliseconds.
 */
export async function appendInBatches(
  store: EventStore,
  count: number,
  batch = 100,
  streamPrefix = 'bench',
): Promise<number> {
  const events = Array.from({ length: batch }, (_, i) => benchEvent(i));
  const start = now();
  for (let done = 0, s = 0; done < count; s++) {
    const n = Math.min(batch, count - done);
    await store.append(`${streamPrefix}-${s}`, 'no-stream', n === batch ? events : events.slice(0, n), benchMetadata());
    done += n;
  }
  return now() - start;
}

/** Appends whole streams, `width` at a time concurrently (the store's group commit batches them). */
export async function appendStreams(
  store: EventStore,
  streams: { id: string; events: NewEvent[] }[],
  metadata: EventMetadata,
  width = 64,
): Promise<void> {
  for (let i = 0; i < streams.length; i += width)
    await Promise.all(streams.slice(i, i + width).map((s) => store.append(s.id, 'no-stream', s.events, metadata)));
}

/**
 * Seeded logs shared by the benchmarks of one `npm run bench` (read, verify, relay and rebuild all
 * need a filled log; filling 10⁶ events takes a while, so it is done once). The append benchmark
 * hands over the logs it filled; anything else is filled on first use. `dropAll` at the end.
 */
export class SeededLogs {
  private readonly logs = new Map<number, Promise<SeededLog>>();

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  adopt(seeded: SeededLog): void {
    const previous = this.logs.get(seeded.events);
    this.logs.set(seeded.events, Promise.resolve(seeded));
    void previous?.then((p) => p.db.drop());
  }

  has(events: number): boolean {
    return this.logs.has(events);
  }

  get(events: number): Promise<SeededLog> {
    let log = this.logs.get(events);
    if (!log) {
      log = seed(events, this.log);
      this.logs.set(events, log);
    }
    return log;
  }

  async dropAll(): Promise<void> {
    const all = [...this.logs.values()];
    this.logs.clear();
    for (const l of all) await (await l).db.drop().catch(() => undefined);
  }
}

async function seed(events: number, log: (message: string) => void): Promise<SeededLog> {
  const db = await createBenchDatabase(`log_${events}`);
  const store = new EventStore(db.dataSource);
  log(`seeding a log of ${events.toLocaleString('en')} events …`);
  const ms = await appendInBatches(store, events);
  log(`seeded ${events.toLocaleString('en')} events in ${(ms / 1000).toFixed(1)} s`);
  return { events, db, store };
}
