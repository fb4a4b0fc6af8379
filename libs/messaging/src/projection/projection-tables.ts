import type { DataSource, QueryRunner } from 'typeorm';
import { inTransaction } from '../postgres/in-transaction';
import { advisoryKey } from '../postgres/pg-connection';
import { physicalTable, Projection, quoted } from './projection';

/** A physical table's checkpoint row. */
export interface ProjectionTable {
  tableName: string;
  generation: number;
  definitionVersion: number;
  state: 'active' | 'building';
  position: number;
}

/** A projection_checkpoint row as `pg` returns it (position is a bigint, so a string). */
interface CheckpointRow {
  table_name: string;
  generation: number;
  definition_version: number;
  state: 'active' | 'building';
  position: string;
}

const toTable = (r: CheckpointRow): ProjectionTable => ({
  tableName: r.table_name,
  generation: Number(r.generation),
  definitionVersion: Number(r.definition_version),
  state: r.state,
  position: Number(r.position),
});

/** Runs `work` in a transaction that holds the projection's DDL lock (creating, swapping tables). */
export function withProjectionLock<T>(
  dataSource: DataSource,
  projection: string,
  work: (tx: QueryRunner) => Promise<T>,
): Promise<T> {
  return inTransaction(dataSource, async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [advisoryKey('kompeten.projection', projection)]);
    return work(tx);
  });
}

/** The table in `state`, row-locked for the rest of the transaction (so a batch is applied by one runner only). */
export async function lockTable(
  tx: QueryRunner,
  projection: string,
  state: 'active' | 'building',
): Promise<ProjectionTable | undefined> {
  const rows = await tx.manager.query<CheckpointRow[]>(
    'select * from projection_checkpoint where projection = $1 and state = $2 for update',
    [projection, state],
  );
  return rows.length ? toTable(rows[0]) : undefined;
}

export async function saveCheckpoint(tx: QueryRunner, table: ProjectionTable, position: number): Promise<void> {
  await tx.query('update projection_checkpoint set position = $2, updated_at = now() where table_name = $1', [
    table.tableName,
    position,
  ]);
}

/** The active table, created (generation 1, behind a fresh view) on first use. */
export function ensureActive(dataSource: DataSource, projection: Projection): Promise<ProjectionTable> {
  return withProjectionLock(dataSource, projection.name, async (tx) => {
    const active = await lockTable(tx, projection.name, 'active');
    if (active) return active;
    return createTable(tx, projection, 'active');
  });
}

/**
 * The table a rebuild fills: the unfinished one of an interrupted rebuild (resumed from its
 * checkpoint) if it was built by the same projection version, else a new generation.
 */
export function ensureBuilding(dataSource: DataSource, projection: Projection): Promise<ProjectionTable> {
  return withProjectionLock(dataSource, projection.name, async (tx) => {
    const building = await lockTable(tx, projection.name, 'building');
    if (building && building.definitionVersion === (projection.version ?? 1)) return building;
    if (building) {
      await tx.query('delete from projection_checkpoint where table_name = $1', [building.tableName]);
      await tx.query(`drop table ${quoted(building.tableName)}`);
    }
    return createTable(tx, projection, 'building');
  });
}

async function createTable(
  tx: QueryRunner,
  projection: Projection,
  state: 'active' | 'building',
): Promise<ProjectionTable> {
  const [{ next }] = await tx.manager.query<{ next: number }[]>(
    'select coalesce(max(generation), 0) + 1 as next from projection_checkpoint where projection = $1',
    [projection.name],
  );
  const table: ProjectionTable = {
    tableName: physicalTable(projection.name, Number(next)),
    generation: Number(next),
    definitionVersion: projection.version ?? 1,
    state,
    position: 0,
  };
  // A table left behind by a rebuild that failed before its row was committed would be in the way.
  await tx.query(`drop table if exists ${quoted(table.tableName)}`);
  await projection.createTable(tx, table.tableName);
  await tx.query(
    'insert into projection_checkpoint (table_name, projection, generation, definition_version, state, position) values ($1, $2, $3, $4, $5, 0)',
    [table.tableName, projection.name, table.generation, table.definitionVersion, state],
  );
  if (state === 'active') await pointView(tx, projection.name, table.tableName);
  return table;
}

/**
 * Makes `building` the active table in the caller's transaction (which must hold the DDL lock and
 * have brought `building` up to the head): repoints the view, drops the old table. Readers see the
 * old table until commit and the new one after; never a half-built one.
 */
export async function swapIn(
  tx: QueryRunner,
  projection: Projection,
  building: ProjectionTable,
  previous: ProjectionTable | undefined,
): Promise<void> {
  if (previous) await tx.query('delete from projection_checkpoint where table_name = $1', [previous.tableName]);
  await tx.query(`update projection_checkpoint set state = 'active', updated_at = now() where table_name = $1`, [
    building.tableName,
  ]);
  await pointView(tx, projection.name, building.tableName);
  if (previous) await tx.query(`drop table ${quoted(previous.tableName)}`);
}

/** Drop and create rather than `create or replace`: a new version of the projection may have other columns. */
async function pointView(tx: QueryRunner, view: string, tableName: string): Promise<void> {
  await tx.query(`drop view if exists ${quoted(view)}`);
  await tx.query(`create view ${quoted(view)} as select * from ${quoted(tableName)}`);
}
