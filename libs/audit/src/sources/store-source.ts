import { Client, ClientBase, Pool } from 'pg';
import { EventRecord, EventRow, RECORD_COLUMNS, toRecord } from '@kompeten/event-store';
import type { RecordSource, SourceCursor } from './record-source';

/** What an export may select (all optional; combined with "and"). */
export interface RecordFilter {
  streamId?: string;
  types?: string[];
  /** recordedAt ≥ this instant (ISO 8601). */
  recordedFrom?: string;
  /** recordedAt < this instant (ISO 8601). */
  recordedTo?: string;
}

/**
 * The service's es_event table, read in pages by position (keyset pagination over the primary
 * key: constant memory, and each page is a short query that holds no lock and no snapshot).
 * `bounded` stops at the head as it was when the read began, so an export or a replay describes
 * one moment even while the service keeps appending.
 */
export class StoreSource implements RecordSource {
  readonly kind = 'store' as const;
  private last: SourceCursor = { position: 0 };
  private start = 0;
  private end = 0;

  /** `database`: a URL (a connection of its own, for the CLI) or a pool to borrow one from (the HTTP endpoints). */
  constructor(
    private readonly database: string | Pool,
    private readonly options: { filter?: RecordFilter; pageSize?: number; bounded?: boolean } = {},
  ) {}

  async *records(from: SourceCursor, signal?: AbortSignal): AsyncGenerator<EventRecord> {
    const { client, done } = await this.connect();
    let failed = false;
    try {
      this.last = { position: from.position };
      this.start = from.position;
      const [{ head }] = (
        await client.query<{ head: string }>(
          'select coalesce((select position from es_head where id = 1), 0)::bigint as head',
        )
      ).rows;
      this.end = Math.max(Number(head), from.position);
      const { where, params } = filterConditions(this.options.filter);
      const pageSize = this.options.pageSize ?? 2000;
      for (let after = from.position; !signal?.aborted;) {
        // The bound is checked here, not in SQL: `position > $1 and position <= $2` can make the
        // planner (with the statistics of a freshly filled table) sort the whole range per page.
        const { rows } = await client.query<EventRow>(
          `select ${RECORD_COLUMNS} from es_event where position > $1 ${where} order by position limit ${pageSize}`,
          [after, ...params],
        );
        for (const row of rows) {
          const record = toRecord(row);
          if (this.options.bounded && record.position > this.end) return;
          this.last = { position: record.position };
          yield record;
          if (signal?.aborted) return;
        }
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1].position);
      }
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      await done(failed);
    }
  }

  /** A session to read on, and how to give it back (a pooled one that failed is discarded, not reused). */
  private async connect(): Promise<{ client: ClientBase; done: (failed: boolean) => Promise<void> }> {
    if (typeof this.database !== 'string') {
      const pooled = await this.database.connect();
      return { client: pooled, done: (failed) => Promise.resolve(pooled.release(failed)) };
    }
    const client = new Client({ connectionString: this.database, application_name: 'kompeten-audit' });
    await client.connect();
    return { client, done: () => client.end().catch(() => undefined) };
  }

  cursor(): SourceCursor {
    return { ...this.last };
  }

  progress(): { done: number; total: number } {
    const total = Math.max(this.end - this.start, 0);
    return { done: Math.min(this.last.position - this.start, total), total };
  }
}

/** The filter as SQL conditions (`and …`) over es_event, numbering parameters from $2 ($1 is the position). */
export function filterConditions(f: RecordFilter = {}): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length + 1}`));
  };
  if (f.streamId) add('stream_id = ?', f.streamId);
  if (f.types?.length) add('type = any(?::text[])', f.types);
  if (f.recordedFrom) add('recorded_at >= ?::timestamptz', f.recordedFrom);
  if (f.recordedTo) add('recorded_at < ?::timestamptz', f.recordedTo);
  return { where: parts.map((p) => `and ${p}`).join(' '), params };
}
