import type { QueryRunner } from 'typeorm';
import type { DomainEvent, StoredEvent } from '@kompeten/event-store';
import { BatchHandlerMap, handlerFor, HandlerMap, typesOf } from '../shared/handler-map';
import type { Projection } from './projection';

type TableArgs = [tx: QueryRunner, tableName: string];

/** A projection as written: its table, and one handler per event type it reads. */
export interface ProjectionDefinition<E extends DomainEvent> {
  name: string;
  version?: number;
  createTable(tx: QueryRunner, tableName: string): Promise<void>;
  /** `(event, tx, tableName)` per event type, the event typed by its contract. */
  on?: HandlerMap<E, TableArgs>;
  /**
   * For bulk types: `(events, tx, tableName)` takes each run of consecutive events of its type in
   * the runner's batch at once (in log order), so that it can write them in one statement — one
   * statement per event is what bounds a rebuild (BENCHMARKS.md, projection-rebuild). A type has a
   * handler here or in `on`, not both.
   */
  onBatch?: BatchHandlerMap<E, TableArgs>;
}

/**
 * A projection from its handlers, each typed by the event it handles; the types it reads are the
 * keys of `on` and `onBatch`:
 *
 *     export const staffRosterProjection = projection<StaffEvent>({
 *       name: 'staff_roster',
 *       createTable: (tx, t) => tx.query(`create table "${t}" (…)`),
 *       on: {
 *         StaffRegistered: ({ data }, tx, t) => tx.query(`insert into "${t}" …`, [data.nip, data.workUnit.opd]),
 *         StaffLeft: ({ data }, tx, t) => …,
 *       },
 *     });
 */
export function projection<E extends DomainEvent>(
  definition: ProjectionDefinition<E>,
): Projection<E> & { readonly eventTypes: readonly E['type'][] } {
  const { name, version, on = {}, onBatch = {} } = definition;
  const single = typesOf(on);
  const batched = typesOf(onBatch);
  const both = single.filter((type) => batched.includes(type));
  if (both.length) throw new Error(`projection ${name}: ${both.join(', ')} has handlers in both on and onBatch`);
  const batchHandler = (type: string) => handlerFor<StoredEvent[], TableArgs>(onBatch, type);
  const apply = async (event: StoredEvent, tx: QueryRunner, tableName: string): Promise<void> => {
    const inBatch = batchHandler(event.type);
    if (inBatch) await inBatch([event], tx, tableName);
    else await handlerFor<StoredEvent, TableArgs>(on, event.type)?.(event, tx, tableName);
  };
  const applyBatch = async (events: StoredEvent[], tx: QueryRunner, tableName: string): Promise<void> => {
    for (let start = 0; start < events.length;) {
      const type = events[start].type;
      let end = start + 1;
      while (end < events.length && events[end].type === type) end++;
      const inBatch = batchHandler(type);
      if (inBatch) await inBatch(events.slice(start, end), tx, tableName);
      else for (const event of events.slice(start, end)) await apply(event, tx, tableName);
      start = end;
    }
  };
  return {
    name,
    ...(version === undefined ? {} : { version }),
    eventTypes: [...single, ...batched],
    createTable: (tx, tableName) => definition.createTable(tx, tableName),
    apply,
    ...(batched.length ? { applyBatch } : {}),
  };
}
