import type { DataSource, QueryRunner } from 'typeorm';
import { ChainReport, verifyChain } from '../chain/verify-chain';
import type { PersonalKeyStore } from '../personal-data/personal-key-store';
import { contractUpcasters } from '../upcasting/contract-upcasters';
import type { UpcasterRegistry } from '../upcasting/upcasters';
import { AppendQueue } from './append-queue';
import { SUB_STREAM_EVENTS, WriterDeps, writeAppends } from './append-writer';
import type {
  AppendCondition,
  DomainEvent,
  EventMetadata,
  EventRecord,
  ExpectedVersion,
  NewEvent,
  StoredEvent,
  StreamAppend,
} from './event-envelope';
import { EventOpener } from './event-opener';
import { EventRow, RECORD_COLUMNS, toRecord } from './record-mapping';

export { APPENDED_CHANNEL } from './append-writer';

/** es_head's single row (position is a bigint, so `pg` returns it as a string). */
type HeadRow = { position: string; hash: string };

export interface EventStoreOptions {
  /** Opens old events and stamps new ones with the current version. Default: every contract's (`contractUpcasters()`). */
  upcasters?: UpcasterRegistry;
  keys?: PersonalKeyStore;
  clock?: () => Date;
}

/**
 * The service's append-only event log in Postgres.
 *
 * Appends are serialised by a row lock on `es_head` (the hash chain needs the previous hash anyway),
 * so positions are gapless and become visible in order: reading "after position N" can never skip
 * an event that commits late. Concurrent appends share one transaction (group commit, AppendQueue)
 * so that the lock costs one WAL flush per batch, not per append. See libs/README.md.
 */
export class EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly opener: EventOpener;
  private readonly clock: () => Date;
  private readonly queue: AppendQueue;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? contractUpcasters();
    this.opener = new EventOpener(this.upcasters, options.keys);
    this.clock = options.clock ?? (() => new Date());
    this.queue = new AppendQueue(dataSource, () => this.writerDeps());
  }

  /**
   * Appends events to one stream if it is at the expected version; throws WrongExpectedVersionError
   * otherwise. Pass `tx` to append inside a transaction the caller owns (e.g. together with a
   * consumer's processed-message record); otherwise the append joins the next group commit.
   */
  async append<E extends DomainEvent>(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent<E>[],
    metadata: EventMetadata,
    tx?: QueryRunner,
  ): Promise<StoredEvent<E>[]> {
    if (events.length === 0) return [];
    return this.appendAll<E>([{ streamId, expected, events }], metadata, undefined, tx);
  }

  /**
   * Appends to several streams at once — all parts or none — if each is at its expected version and
   * the condition holds (what the decision read is unchanged: AppendCondition). Throws
   * WrongExpectedVersionError (AppendConditionError for a condition) otherwise.
   */
  async appendAll<E extends DomainEvent>(
    parts: StreamAppend<E>[],
    metadata: EventMetadata,
    condition?: AppendCondition,
    tx?: QueryRunner,
  ): Promise<StoredEvent<E>[]> {
    const request = { parts: parts.filter((p) => p.events.length > 0) as StreamAppend[], metadata, condition };
    if (request.parts.length === 0) return [];
    if (!tx) return (await this.queue.enqueue(request)) as StoredEvent<E>[];
    const [result] = await writeAppends(tx, [request], this.writerDeps());
    if (result instanceof Error) throw result;
    return result as StoredEvent<E>[];
  }

  private writerDeps(): WriterDeps {
    return { upcasters: this.upcasters, keys: this.options.keys, now: this.clock() };
  }

  /** The stream's events from `fromVersion` (1-based), opened for reading. */
  async readStream<E extends DomainEvent = DomainEvent>(streamId: string, fromVersion = 1): Promise<StoredEvent<E>[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `select ${RECORD_COLUMNS} from es_event where stream_id = $1 and stream_version >= $2 order by stream_version`,
      [streamId, fromVersion],
    );
    return this.opener.open<E>(rows.map(toRecord));
  }

  /**
   * The events of the sub-streams `${parent}/…` (not the parent's own) after a global position, in
   * log order, opened for reading; `types` null for every type. Its cost follows the events returned.
   */
  async readSubStreams<E extends DomainEvent = DomainEvent>(
    parent: string,
    types: readonly string[] | null,
    afterPosition = 0,
  ): Promise<StoredEvent<E>[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `${SUB_STREAM_EVENTS} and position > $2 ${types ? 'and type = any($3)' : ''} order by position`,
      types ? [parent, afterPosition, types] : [parent, afterPosition],
    );
    return this.opener.open<E>(rows.map(toRecord));
  }

  /** Events after a global position, in order, opened for reading. Never skips (see class comment). */
  async readAll<E extends DomainEvent = DomainEvent>(after = 0, limit = 1000): Promise<StoredEvent<E>[]> {
    return this.opener.open<E>(await this.readRecords(after, limit));
  }

  /** Stored records after a position, exactly as hashed (sealed payloads, original schema versions). */
  async readRecords(after = 0, limit = 1000): Promise<EventRecord[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`,
      [after, limit],
    );
    return rows.map(toRecord);
  }

  /** Every stored record from `after`, in batches, for verifiers, relays and exports. */
  async *records(after = 0, batchSize = 2000): AsyncGenerator<EventRecord> {
    for (let from = after; ;) {
      const batch = await this.readRecords(from, batchSize);
      yield* batch;
      if (batch.length < batchSize) return;
      from = batch[batch.length - 1].position;
    }
  }

  async head(): Promise<{ position: number; hash: string }> {
    const [row] = await this.dataSource.query<HeadRow[]>('select position, hash from es_head where id = 1');
    return { position: Number(row.position), hash: row.hash };
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ version: number }[]>(
      'select coalesce(max(stream_version), 0)::int as version from es_event where stream_id = $1',
      [streamId],
    );
    return row.version;
  }

  /**
   * Recomputes the whole chain from the store, up to the head as it stood when the check began, and checks
   * that es_head agrees with the event there. The head is read first: events appended while the chain is
   * being recomputed lie beyond it (es_head moves in the same transaction as they do), so a busy log is
   * not mistaken for a broken one.
   */
  async verify(): Promise<ChainReport & { headAgrees: boolean }> {
    const head = await this.head();
    const report = await verifyChain(upTo(this.records(), head.position));
    return {
      ...report,
      headAgrees: report.ok && head.position === report.headPosition && head.hash === report.headHash,
    };
  }

  /** Opens records that came from elsewhere (Kafka, an export) with this store's keys and upcasters. */
  open<E extends DomainEvent = DomainEvent>(records: EventRecord[]): Promise<StoredEvent<E>[]> {
    return this.opener.open<E>(records);
  }
}

/** The records up to and including `position`. */
async function* upTo(records: AsyncIterable<EventRecord>, position: number): AsyncGenerator<EventRecord> {
  for await (const r of records) {
    if (r.position > position) return;
    yield r;
  }
}
