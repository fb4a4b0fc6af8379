import { v7 as uuidv7 } from 'uuid';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  APPENDED_CHANNEL,
  EventMetadata,
  EventRecord,
  eventHash,
  ExpectedVersion,
  NewEvent,
  RECORD_COLUMNS,
  WrongExpectedVersionError,
} from '@kompeten/event-store';

/**
 * EXPERIMENT (not used by the services): the store's group-committed append with what is left of the
 * proposal for libs/event-store/src/store/append-writer.ts, to measure it there:
 *   1. (now in the library) the insert, the head update and the notification in ONE statement
 *      (data-modifying CTEs): 5 round trips per transaction instead of 7;
 *   2. the rows as ONE jsonb parameter (jsonb_to_recordset) instead of 12 arrays that pg escapes
 *      element by element;
 *   3. the metadata made plain once per append instead of once per event.
 * Same lock, same checks, same hashes; no personal data (the benchmark events have none). */
interface Request {
  streamId: string;
  expected: ExpectedVersion;
  events: NewEvent[];
  metadata: EventMetadata;
  resolve: (r: EventRecord[]) => void;
  reject: (e: Error) => void;
}

const WRITE = `with rows as (
    select * from jsonb_to_recordset($1::jsonb) as r(position bigint, event_id uuid, stream_id text, stream_version int, type text,
      schema_version int, payload jsonb, metadata jsonb, occurred_at timestamptz, recorded_at timestamptz, prev_hash text, hash text)),
  inserted as (insert into es_event (${RECORD_COLUMNS}) select ${RECORD_COLUMNS} from rows),
  head as (update es_head set position = $2, hash = $3 where id = 1)
  select pg_notify('${APPENDED_CHANNEL}', $2::text)`;

export class LeanAppendQueue {
  private pending: Request[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxEvents = 1000,
  ) {}

  append(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<EventRecord[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, expected, events, metadata, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain() {
    this.draining = true;
    try {
      while (this.pending.length) {
        let events = 0;
        let take = 0;
        while (
          take < this.pending.length &&
          (take === 0 || events + this.pending[take].events.length <= this.maxEvents)
        )
          events += this.pending[take++].events.length;
        await this.write(this.pending.splice(0, take));
      }
    } finally {
      this.draining = false;
    }
  }

  private async write(batch: Request[]) {
    const tx = this.dataSource.createQueryRunner();
    try {
      await tx.connect();
      await tx.startTransaction();
      const results = await writeLean(tx, batch);
      await tx.commitTransaction();
      results.forEach((r, i) => (r instanceof Error ? batch[i].reject(r) : batch[i].resolve(r)));
    } catch (e) {
      if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
      for (const p of batch) p.reject(e as Error);
    } finally {
      await tx.release();
    }
  }
}

async function writeLean(tx: QueryRunner, requests: Request[]): Promise<(EventRecord[] | Error)[]> {
  const [head] = await tx.manager.query<{ position: string; hash: string }[]>(
    'select position, hash from es_head where id = 1 for update',
  );
  const rows = await tx.manager.query<{ stream_id: string; version: number }[]>(
    'select stream_id, max(stream_version)::int as version from es_event where stream_id = any($1) group by stream_id',
    [[...new Set(requests.map((r) => r.streamId))]],
  );
  const versions = new Map(rows.map((r) => [r.stream_id, r.version]));
  const recordedAt = new Date().toISOString();
  let position = Number(head.position);
  let prevHash = head.hash;
  const records: EventRecord[] = [];
  const results: (EventRecord[] | Error)[] = [];
  for (const req of requests) {
    const version = versions.get(req.streamId) ?? 0;
    if (
      (req.expected === 'no-stream' && version !== 0) ||
      (typeof req.expected === 'number' && req.expected !== version)
    ) {
      results.push(new WrongExpectedVersionError(req.streamId, req.expected, version));
      continue;
    }
    const metadata = JSON.parse(JSON.stringify(req.metadata)) as EventMetadata;
    const mine: EventRecord[] = req.events.map((e, i) => {
      const base = {
        position: position + i + 1,
        eventId: uuidv7(),
        streamId: req.streamId,
        streamVersion: version + i + 1,
        type: e.type,
        schemaVersion: e.schemaVersion ?? 1,
        occurredAt: (e.occurredAt ?? new Date(recordedAt)).toISOString(),
        recordedAt,
        metadata,
        payload: JSON.parse(JSON.stringify(e.data ?? {})) as Record<string, unknown>,
      };
      const hash = eventHash(prevHash, base);
      const record = { ...base, prevHash, hash };
      prevHash = hash;
      return record;
    });
    records.push(...mine);
    position += mine.length;
    versions.set(req.streamId, version + mine.length);
    results.push(mine);
  }
  if (records.length) {
    const json = JSON.stringify(
      records.map((r) => ({
        position: r.position,
        event_id: r.eventId,
        stream_id: r.streamId,
        stream_version: r.streamVersion,
        type: r.type,
        schema_version: r.schemaVersion,
        payload: r.payload,
        metadata: r.metadata,
        occurred_at: r.occurredAt,
        recorded_at: r.recordedAt,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    );
    await tx.query(WRITE, [json, position, prevHash]);
  }
  return results;
}
