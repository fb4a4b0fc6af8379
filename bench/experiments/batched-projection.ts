import type { DataSource } from 'typeorm';
import { EventStore, RECORD_COLUMNS, StoredEvent, toRecord } from '@kompeten/event-store';

/**
 * EXPERIMENT (not used by the services): a rebuild whose projection applies a whole batch in one
 * statement — the `applyBatch?(events, tx, table)` BENCHMARKS.md proposes for the Projection
 * interface (libs/messaging/src/projection/projection.ts, used by ProjectionRunner.step when
 * present). Same loop as the runner: per transaction, lock the checkpoint, read a batch after it,
 * open, apply, advance the checkpoint. Here on a plain checkpoint row of its own.
 */
export async function rebuildWithBatchApply(
  dataSource: DataSource,
  store: EventStore,
  batchSize = 500,
): Promise<number> {
  const table = `bench_batch_counts_${Date.now().toString(36)}`;
  await dataSource.query(
    `create table "${table}" (stream_id text primary key, events int not null, last_position bigint not null)`,
  );
  await dataSource.query(`create table "${table}_checkpoint" (id int primary key, position bigint not null)`);
  await dataSource.query(`insert into "${table}_checkpoint" values (1, 0)`);
  let total = 0;
  for (let applied = batchSize; applied === batchSize;) {
    applied = await dataSource.transaction(async (tx) => {
      const [{ position }] = await tx.query(`select position from "${table}_checkpoint" where id = 1 for update`);
      const rows = await tx.query(
        `select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`,
        [position, batchSize],
      );
      if (rows.length === 0) return 0;
      const events: StoredEvent[] = await store.open(rows.map(toRecord));
      await tx.query(
        `insert into "${table}" (stream_id, events, last_position)
          select stream_id, count(*), max(position) from unnest($1::text[], $2::bigint[]) as e(stream_id, position) group by stream_id
        on conflict (stream_id) do update set events = "${table}".events + excluded.events, last_position = greatest("${table}".last_position, excluded.last_position)`,
        [events.map((e) => e.streamId), events.map((e) => e.position)],
      );
      await tx.query(`update "${table}_checkpoint" set position = $1 where id = 1`, [
        events[events.length - 1].position,
      ]);
      return events.length;
    });
    total += applied;
  }
  await dataSource.query(`drop table "${table}", "${table}_checkpoint"`);
  return total;
}
