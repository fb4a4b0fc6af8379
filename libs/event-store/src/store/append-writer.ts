import { v7 as uuidv7 } from 'uuid';
import type { QueryRunner } from 'typeorm';
import { eventHash } from '../chain/event-hash';
import type { PersonalKeyStore } from '../personal-data/personal-key-store';
import { fieldAad, sealField } from '../personal-data/sealed-field';
import type { UpcasterRegistry } from '../upcasting/upcasters';
import type {
  AppendCondition,
  EventMetadata,
  EventRecord,
  NewEvent,
  StoredEvent,
  StreamAppend,
} from './event-envelope';
import { parentStreamOf } from './event-envelope';
import { AppendConditionError, WrongExpectedVersionError } from './errors';
import { RECORD_COLUMNS } from './record-mapping';
import { currentTraceparent } from '@kompeten/tracing';

/** Channel on which a commit that appended events notifies (payload: the last position). */
export const APPENDED_CHANNEL = 'es_event_appended';

/** One atomic append: every part, or none of them. */
export interface AppendRequest {
  parts: StreamAppend[];
  metadata: EventMetadata;
  condition?: AppendCondition;
}

export interface WriterDeps {
  upcasters: UpcasterRegistry;
  keys?: PersonalKeyStore;
  now: Date;
}

/** Where the chain stands while a batch of requests is written. */
interface Cursor {
  position: number;
  prevHash: string;
  versions: Map<string, number>;
  records: EventRecord[];
}

/**
 * Writes several appends in the caller's transaction, under the chain head's row lock: each request
 * is checked against its streams' versions and its condition (as left by the requests before it),
 * hashed onto the chain and inserted with the others in one statement. A request that fails its
 * check (or whose personal data cannot be sealed) gets its error and writes none of its parts; the
 * others go ahead.
 */
export async function writeAppends(
  tx: QueryRunner,
  requests: AppendRequest[],
  deps: WriterDeps,
): Promise<(StoredEvent[] | Error)[]> {
  const [head] = await tx.manager.query<{ position: string; hash: string }[]>(
    'select position, hash from es_head where id = 1 for update',
  );
  const streams = [
    ...new Set(
      requests.flatMap((r) => [
        ...r.parts.map((p) => p.streamId),
        ...(r.condition?.unchanged ?? []).map((u) => u.streamId),
      ]),
    ),
  ];
  const rows = await tx.manager.query<{ stream_id: string; version: number }[]>(
    'select stream_id, max(stream_version)::int as version from es_event where stream_id = any($1) group by stream_id',
    [streams],
  );
  const at: Cursor = {
    position: Number(head.position),
    prevHash: head.hash,
    versions: new Map(rows.map((r) => [r.stream_id, r.version])),
    records: [],
  };
  const recordedAt = deps.now.toISOString();
  const results: (StoredEvent[] | Error)[] = [];
  for (const req of requests) {
    try {
      await check(tx, req, at);
      results.push(await write(tx, req, deps, at, recordedAt));
    } catch (e) {
      results.push(e as Error);
    }
  }
  if (at.records.length) await insert(tx, at.records);
  return results;
}

/** The expected versions and the condition, against the log as the requests before this one left it. */
async function check(tx: QueryRunner, req: AppendRequest, at: Cursor): Promise<void> {
  for (const { streamId, expected } of req.parts) {
    const version = at.versions.get(streamId) ?? 0;
    if ((expected === 'no-stream' && version !== 0) || (typeof expected === 'number' && expected !== version))
      throw new WrongExpectedVersionError(streamId, expected, version);
  }
  for (const { streamId, version } of req.condition?.unchanged ?? []) {
    const actual = at.versions.get(streamId) ?? 0;
    if (actual !== version)
      throw new AppendConditionError(
        streamId,
        version,
        actual,
        `stream ${streamId} read at version ${version} is now at ${actual}`,
      );
  }
  const boundary = req.condition?.noneAfter;
  if (!boundary) return;
  const inBoundary = (streamId: string, type: string) =>
    streamId.includes('/') && parentStreamOf(streamId) === boundary.parent && boundary.types.includes(type);
  // Earlier requests of this batch are not in the table yet; they are all after any position read.
  const queued = at.records.find((r) => r.position > boundary.position && inBoundary(r.streamId, r.type));
  const [stored] = queued
    ? [{ position: String(queued.position) }]
    : await tx.manager.query<{ position: string }[]>(
        `${SUB_STREAM_EVENTS} and position > $2 and type = any($3) order by position limit 1`,
        [boundary.parent, boundary.position, boundary.types],
      );
  if (stored)
    throw new AppendConditionError(
      `${boundary.parent}/…`,
      boundary.position,
      Number(stored.position),
      `${boundary.parent} changed after position ${boundary.position}: an event at ${stored.position} decides differently`,
    );
}

/** Hashes every part onto the chain; the cursor moves only when all parts could be recorded. */
async function write(
  tx: QueryRunner,
  req: AppendRequest,
  deps: WriterDeps,
  at: Cursor,
  recordedAt: string,
): Promise<StoredEvent[]> {
  let position = at.position;
  let prevHash = at.prevHash;
  const mine: { record: EventRecord; data: unknown }[] = [];
  const versions = new Map<string, number>();
  for (const part of req.parts) {
    const version = versions.get(part.streamId) ?? at.versions.get(part.streamId) ?? 0;
    const records = await recordsFor(tx, part, req.metadata, deps, { position, prevHash, version, recordedAt });
    if (!records.length) continue;
    records.forEach((record, i) => mine.push({ record, data: plain(part.events[i].data) }));
    position += records.length;
    prevHash = records[records.length - 1].hash;
    versions.set(part.streamId, version + records.length);
  }
  at.position = position;
  at.prevHash = prevHash;
  for (const [streamId, version] of versions) at.versions.set(streamId, version);
  at.records.push(...mine.map((m) => m.record));
  // Readers get the plaintext they passed in, not the sealed form.
  return mine.map(({ record: r, data }) => ({
    eventId: r.eventId,
    type: r.type,
    schemaVersion: r.schemaVersion,
    streamId: r.streamId,
    streamVersion: r.streamVersion,
    position: r.position,
    occurredAt: r.occurredAt,
    recordedAt,
    metadata: r.metadata,
    data,
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}

/**
 * The events of a parent's sub-streams (`<parent>/…`), by the partial index on (parent, position):
 * the cost follows the events asked for, not how many the parent's family holds.
 */
export const SUB_STREAM_EVENTS = `select ${RECORD_COLUMNS} from es_event
  where split_part(stream_id, '/', 1) = $1 and strpos(stream_id, '/') > 0`;

async function recordsFor(
  tx: QueryRunner,
  req: StreamAppend,
  metadata: EventMetadata,
  deps: WriterDeps,
  at: { position: number; prevHash: string; version: number; recordedAt: string },
): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  let prevHash = at.prevHash;
  for (const [i, e] of req.events.entries()) {
    const eventId = uuidv7();
    const base = {
      position: at.position + i + 1,
      eventId,
      streamId: req.streamId,
      streamVersion: at.version + i + 1,
      type: e.type,
      schemaVersion: e.schemaVersion ?? deps.upcasters.currentVersion(e.type),
      occurredAt: (e.occurredAt ?? new Date(at.recordedAt)).toISOString(),
      recordedAt: at.recordedAt,
      metadata: withTrace(plain(metadata) as EventMetadata),
      payload: await seal(e, eventId, tx, deps.keys),
    };
    const hash = eventHash(prevHash, base);
    out.push({ ...base, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

/**
 * The rows, the head's move and the notification in ONE statement (data-modifying CTEs run whether
 * or not the final select reads them): a group-commit transaction is five round trips — begin, lock
 * the head, read the versions, write, commit — instead of seven. On a busy machine each round trip
 * also waits for the scheduler, and the head lock is held across all of them (bench/: append-single).
 */
const WRITE = `with inserted as (
    insert into es_event (${RECORD_COLUMNS})
    select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::int[],
                         $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[])),
  head as (update es_head set position = $13::bigint, hash = $14 where id = 1)
  select pg_notify('${APPENDED_CHANNEL}', $13::bigint::text)`;

async function insert(tx: QueryRunner, records: EventRecord[]) {
  const col = <K extends keyof EventRecord>(k: K) => records.map((r) => r[k]);
  const last = records[records.length - 1];
  await tx.query(WRITE, [
    col('position'),
    col('eventId'),
    col('streamId'),
    col('streamVersion'),
    col('type'),
    col('schemaVersion'),
    records.map((r) => JSON.stringify(r.payload)),
    records.map((r) => JSON.stringify(r.metadata)),
    col('occurredAt'),
    col('recordedAt'),
    col('prevHash'),
    col('hash'),
    last.position,
    last.hash,
  ]);
}

async function seal(e: NewEvent, eventId: string, tx: QueryRunner, keys?: PersonalKeyStore): Promise<unknown> {
  const payload = plain(e.data) as Record<string, unknown>;
  if (!e.personal || e.personal.fields.length === 0) return payload;
  if (!keys) throw new Error(`event ${e.type} carries personal data but the store has no key store`);
  const key = await keys.keyFor(e.personal.subject, tx);
  for (const field of e.personal.fields) {
    if (payload[field] === undefined || payload[field] === null) continue;
    payload[field] = sealField(payload[field], key, e.personal.subject, fieldAad(eventId, field));
  }
  return payload;
}

/** When the append happens inside a traced request or consumer, the event carries that trace onwards (relay → Kafka header). */
const withTrace = (m: EventMetadata): EventMetadata => {
  const traceparent = currentTraceparent();
  return traceparent ? { ...m, traceparent } : m;
};

/** Dates → ISO strings, undefined dropped: exactly what JSON (and so JSONB and the hash) will hold. */
export const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));
