import { v7 as uuidv7 } from 'uuid';
import type { QueryRunner } from 'typeorm';
import { eventHash } from '../chain/event-hash';
import type { PersonalKeyStore } from '../personal-data/personal-key-store';
import { fieldAad, sealField } from '../personal-data/sealed-field';
import type { UpcasterRegistry } from '../upcasting/upcasters';
import type { EventMetadata, EventRecord, ExpectedVersion, NewEvent, StoredEvent } from './event-envelope';
import { WrongExpectedVersionError } from './errors';
import { RECORD_COLUMNS } from './record-mapping';
import { currentTraceparent } from '@kompeten/tracing';

/** Channel on which a commit that appended events notifies (payload: the last position). */
export const APPENDED_CHANNEL = 'es_event_appended';

export interface AppendRequest {
  streamId: string;
  expected: ExpectedVersion;
  events: NewEvent[];
  metadata: EventMetadata;
}

export interface WriterDeps {
  upcasters: UpcasterRegistry;
  keys?: PersonalKeyStore;
  now: Date;
}

/**
 * Writes several appends in the caller's transaction, under the chain head's row lock: each request
 * is checked against its stream's version (as left by the requests before it), hashed onto the
 * chain and inserted with the others in one statement. A request that fails its check (or whose
 * personal data cannot be sealed) gets its error; the others go ahead.
 */
export async function writeAppends(
  tx: QueryRunner,
  requests: AppendRequest[],
  deps: WriterDeps,
): Promise<(StoredEvent[] | Error)[]> {
  const [head] = await tx.manager.query<{ position: string; hash: string }[]>(
    'select position, hash from es_head where id = 1 for update',
  );
  const streams = [...new Set(requests.map((r) => r.streamId))];
  const rows = await tx.manager.query<{ stream_id: string; version: number }[]>(
    'select stream_id, max(stream_version)::int as version from es_event where stream_id = any($1) group by stream_id',
    [streams],
  );
  const versions = new Map(rows.map((r) => [r.stream_id, r.version]));
  const recordedAt = deps.now.toISOString();
  let position = Number(head.position);
  let prevHash = head.hash;
  const records: EventRecord[] = [];
  const results: (StoredEvent[] | Error)[] = [];
  for (const req of requests) {
    const version = versions.get(req.streamId) ?? 0;
    const { expected } = req;
    if ((expected === 'no-stream' && version !== 0) || (typeof expected === 'number' && expected !== version)) {
      results.push(new WrongExpectedVersionError(req.streamId, expected, version));
      continue;
    }
    let mine: EventRecord[];
    try {
      mine = await recordsFor(tx, req, deps, { position, prevHash, version, recordedAt });
    } catch (e) {
      results.push(e as Error);
      continue;
    }
    records.push(...mine);
    position += mine.length;
    prevHash = mine[mine.length - 1].hash;
    versions.set(req.streamId, version + mine.length);
    // Readers get the plaintext they passed in, not the sealed form.
    results.push(
      mine.map((r, i) => ({
        eventId: r.eventId,
        type: r.type,
        schemaVersion: r.schemaVersion,
        streamId: r.streamId,
        streamVersion: r.streamVersion,
        position: r.position,
        occurredAt: r.occurredAt,
        recordedAt,
        metadata: r.metadata,
        data: plain(req.events[i].data),
        prevHash: r.prevHash,
        hash: r.hash,
      })),
    );
  }
  if (records.length) await insert(tx, records);
  return results;
}

async function recordsFor(
  tx: QueryRunner,
  req: AppendRequest,
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
      metadata: withTrace(plain(req.metadata) as EventMetadata),
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
