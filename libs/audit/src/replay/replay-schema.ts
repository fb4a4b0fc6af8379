import type { DataSource, QueryRunner } from 'typeorm';
import { inTransaction } from '@kompeten/messaging';
import { UsageError } from '../shared/audit-settings';
import type { ChainPoint } from '../chain/chain-walker';
import type { SourceCursor } from '../sources/record-source';
import type { ReadModel } from './read-model';

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** Double-quoted identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA.test(schema) || schema.startsWith('pg_') || schema === 'public') {
    throw new UsageError(
      `--schema must be a fresh lowercase SQL name (letters, digits, _), not ${JSON.stringify(schema)}`,
    );
  }
}

/** What a replay is: recorded in its schema, so that a resumed run can check it continues the same one. */
export interface ReplayRun {
  readModel: string;
  source: string;
  cutoff: { position?: number; asOf?: string };
  projectionCuts?: Record<string, number>;
  startedAt: string;
  finishedAt?: string;
}

/** How far one log has been applied, saved in the same transaction as the rows it changed. */
export interface SourceState {
  cursor: SourceCursor;
  chain: ChainPoint;
  events: number;
  lastRecordedAt?: string;
}

/** Runs `work` in one transaction whose unqualified names resolve to the replay schema. */
export function inSchema<T>(ds: DataSource, schema: string, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
  return inTransaction(ds, async (tx) => {
    await tx.query(`set local search_path to ${ident(schema)}, public`);
    await tx.query(`set local time zone 'UTC'`);
    return work(tx);
  });
}

export async function schemaExists(ds: DataSource, schema: string): Promise<boolean> {
  const rows = await ds.query<unknown[]>('select 1 from pg_namespace where nspname = $1', [schema]);
  return rows.length > 0;
}

/**
 * A fresh schema with the model's tables under the names the service gives them (a projection's
 * table is named as its view), or — when resuming — the schema of the interrupted run.
 */
export async function openReplaySchema(
  ds: DataSource,
  schema: string,
  model: ReadModel,
  run: ReplayRun,
  resume: boolean,
): Promise<{ run: ReplayRun; states: Map<string, SourceState> }> {
  assertSchemaName(schema);
  if (await schemaExists(ds, schema)) {
    if (!resume)
      throw new UsageError(
        `schema ${schema} exists already: a replay writes only into a fresh schema (or pass --resume)`,
      );
    return inSchema(ds, schema, async (tx) => {
      const rows = await tx.manager.query<{ key: string; value: unknown }[]>('select key, value from _audit_replay');
      const saved = rows.find((r) => r.key === 'run')?.value as ReplayRun | undefined;
      const same = (r: ReplayRun) => JSON.stringify([r.readModel, r.source, r.cutoff, r.projectionCuts ?? null]);
      if (!saved || same(saved) !== same(run))
        throw new UsageError(`schema ${schema} holds another replay (${JSON.stringify(saved)})`);
      const states = new Map(
        rows.filter((r) => r.key.startsWith('source:')).map((r) => [r.key.slice(7), r.value as SourceState]),
      );
      return { run: saved, states };
    });
  }
  await ds.query(`create schema ${ident(schema)}`);
  await inSchema(ds, schema, async (tx) => {
    await tx.query('create table _audit_replay (key text primary key, value jsonb not null)');
    for (const p of model.projections ?? []) await p.createTable(tx, p.name);
    for (const M of model.migrations ?? []) await new M().up(tx);
    await saveValue(tx, 'run', run);
  });
  return { run, states: new Map() };
}

export async function saveValue(tx: QueryRunner, key: string, value: unknown): Promise<void> {
  await tx.query(
    'insert into _audit_replay (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value',
    [key, JSON.stringify(value)],
  );
}

export async function dropSchema(ds: DataSource, schema: string): Promise<void> {
  await ds.query(`drop schema if exists ${ident(schema)} cascade`);
}
