import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { EventMetadata, NewEvent } from '@kompeten/event-store';

/**
 * Synthetic events shaped like the busiest real one, a kiosk's SKM survey response (~300 bytes of
 * JSON payload), so that hashing, JSONB and Kafka carry realistic bytes.
 */
export interface BenchEventData {
  submissionId: string;
  unitCode: string;
  opd: string;
  serviceCode: string;
  servedOn: string;
  scores: Record<string, number>;
  servedBy: string | null;
  comment: null;
  contact: null;
  respondent: null;
  channel: 'kiosk';
}

export const BENCH_EVENT_TYPE = 'SurveyResponseSubmitted';

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same kind of data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchEvent(i: number, random = prng(i)): NewEvent {
  const scores: Record<string, number> = {};
  for (let u = 1; u <= 9; u++) scores[`u${u}`] = 1 + Math.floor(random() * 4);
  const data: BenchEventData = {
    submissionId: randomUUID(),
    unitCode: `PKM-${String(i % 40).padStart(3, '0')}`,
    opd: 'DINKES',
    serviceCode: 'POLI-UMUM',
    servedOn: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    scores,
    servedBy: random() < 0.5 ? `19860926201505100${i % 10}` : null,
    comment: null,
    contact: null,
    respondent: null,
    channel: 'kiosk',
  };
  return { type: BENCH_EVENT_TYPE, data };
}

export const benchMetadata = (): EventMetadata => ({
  actor: 'kiosk:bench',
  correlationId: randomUUID(),
  causationId: null,
});

/** The row a plain table would take for the same event (no chain: made-up hashes of the right size). */
export function plainRow(
  streamId: string,
  streamVersion: number,
  e: NewEvent,
  metadata: EventMetadata,
  at: string,
): unknown[] {
  const fakeHash = uuidv7().replace(/-/g, '').padEnd(64, '0');
  return [
    uuidv7(),
    streamId,
    streamVersion,
    e.type,
    1,
    JSON.stringify(e.data),
    JSON.stringify(metadata),
    at,
    at,
    fakeHash,
    fakeHash,
  ];
}

/** Columns of `plainRow`, i.e. es_event's without the position (the plain table takes it from a sequence). */
export const PLAIN_COLUMNS =
  'event_id, stream_id, stream_version, type, schema_version, payload, metadata, occurred_at, recorded_at, prev_hash, hash';

/**
 * A plain table with es_event's columns and indexes but no chain, no head lock and a sequence for
 * positions: what an append costs without the store's guarantees.
 */
export async function createPlainTable(query: (sql: string) => Promise<unknown>, table: string): Promise<void> {
  await query(`create table ${table} (like es_event including defaults including constraints including indexes)`);
  await query(`create sequence ${table}_position owned by ${table}.position`);
  await query(`alter table ${table} alter column position set default nextval('${table}_position')`);
}
