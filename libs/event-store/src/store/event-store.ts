import { v7 as uuidv7 } from 'uuid';
import type { DataSource, QueryRunner } from 'typeorm';
import { eventHash } from '../chain/event-hash';
import { ChainReport, verifyChain } from '../chain/verify-chain';
import type { PersonalKeyStore } from '../personal-data/personal-key-store';
import { fieldAad, sealField } from '../personal-data/sealed-field';
import { UpcasterRegistry } from '../upcasting/upcasters';
import type { DomainEvent, EventMetadata, EventRecord, ExpectedVersion, NewEvent, StoredEvent } from './event-envelope';
import { WrongExpectedVersionError } from './errors';
import { EventOpener } from './event-opener';
import { RECORD_COLUMNS, toRecord } from './record-mapping';

/** Channel on which a commit that appended events notifies (payload: the last position). */
export const APPENDED_CHANNEL = 'es_event_appended';

export interface EventStoreOptions {
  upcasters?: UpcasterRegistry;
  keys?: PersonalKeyStore;
  clock?: () => Date;
}

/**
 * The service's append-only event log in Postgres.
 *
 * Appends are serialised by a row lock on `es_head` (the hash chain needs the previous hash anyway),
 * so positions are gapless and become visible in order: reading "after position N" can never skip
 * an event that commits late. See libs/README.md for the cost of that choice.
 */
export class EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly opener: EventOpener;
  private readonly clock: () => Date;

  constructor(private readonly dataSource: DataSource, private readonly options: EventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.opener = new EventOpener(this.upcasters, options.keys);
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Appends events to one stream if it is at the expected version; throws WrongExpectedVersionError
   * otherwise. Pass `tx` to append inside a transaction the caller owns (e.g. together with a
   * consumer's processed-message record); otherwise the append is its own transaction.
   */
  async append<E extends DomainEvent>(
    streamId: string, expected: ExpectedVersion, events: NewEvent<E>[], metadata: EventMetadata, tx?: QueryRunner,
  ): Promise<StoredEvent<E>[]> {
    if (events.length === 0) return [];
    if (tx) return this.appendIn(tx, streamId, expected, events, metadata);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const stored = await this.appendIn(runner, streamId, expected, events, metadata);
      await runner.commitTransaction();
      return stored;
    } catch (e) {
      // A dead connection cannot roll back; the original error is the one worth reporting.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  private async appendIn<E extends DomainEvent>(
    tx: QueryRunner, streamId: string, expected: ExpectedVersion, events: NewEvent<E>[], metadata: EventMetadata,
  ): Promise<StoredEvent<E>[]> {
    const [head] = await tx.query('select position, hash from es_head where id = 1 for update');
    const [{ version }] = await tx.query(
      'select coalesce(max(stream_version), 0)::int as version from es_event where stream_id = $1', [streamId]);
    if ((expected === 'no-stream' && version !== 0) || (typeof expected === 'number' && expected !== version)) {
      throw new WrongExpectedVersionError(streamId, expected, version);
    }
    const recordedAt = this.clock().toISOString();
    let prevHash: string = head.hash;
    const records: EventRecord[] = [];
    for (const [i, e] of events.entries()) {
      const eventId = uuidv7();
      const base = {
        position: Number(head.position) + i + 1, eventId, streamId, streamVersion: version + i + 1, type: e.type,
        schemaVersion: e.schemaVersion ?? this.upcasters.currentVersion(e.type),
        occurredAt: (e.occurredAt ?? new Date(recordedAt)).toISOString(), recordedAt,
        metadata: plain(metadata) as EventMetadata, payload: await this.seal(e, eventId, tx),
      };
      const hash = eventHash(prevHash, base);
      records.push({ ...base, prevHash, hash });
      prevHash = hash;
    }
    const col = <K extends keyof EventRecord>(k: K) => records.map((r) => r[k]);
    await tx.query(
      `insert into es_event (${RECORD_COLUMNS})
       select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::int[],
                            $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[])`,
      [col('position'), col('eventId'), col('streamId'), col('streamVersion'), col('type'), col('schemaVersion'),
        records.map((r) => JSON.stringify(r.payload)), records.map((r) => JSON.stringify(r.metadata)),
        col('occurredAt'), col('recordedAt'), col('prevHash'), col('hash')],
    );
    const last = records[records.length - 1];
    await tx.query('update es_head set position = $1, hash = $2 where id = 1', [last.position, last.hash]);
    await tx.query('select pg_notify($1, $2)', [APPENDED_CHANNEL, String(last.position)]);
    // Readers get the plaintext they passed in, not the sealed form.
    return records.map((r, i) => ({
      eventId: r.eventId, type: r.type, schemaVersion: r.schemaVersion, streamId, streamVersion: r.streamVersion,
      position: r.position, occurredAt: r.occurredAt, recordedAt, metadata: r.metadata,
      data: plain(events[i].data) as E['data'], prevHash: r.prevHash, hash: r.hash,
    }));
  }

  private async seal(e: NewEvent, eventId: string, tx: QueryRunner): Promise<unknown> {
    const payload = plain(e.data) as Record<string, unknown>;
    if (!e.personal || e.personal.fields.length === 0) return payload;
    if (!this.options.keys) throw new Error(`event ${e.type} carries personal data but the store has no key store`);
    const key = await this.options.keys.keyFor(e.personal.subject, tx);
    for (const field of e.personal.fields) {
      if (payload[field] === undefined || payload[field] === null) continue;
      payload[field] = sealField(payload[field], key, e.personal.subject, fieldAad(eventId, field));
    }
    return payload;
  }

  /** The stream's events from `fromVersion` (1-based), opened for reading. */
  async readStream<E extends DomainEvent = DomainEvent>(streamId: string, fromVersion = 1): Promise<StoredEvent<E>[]> {
    const rows = await this.dataSource.query(
      `select ${RECORD_COLUMNS} from es_event where stream_id = $1 and stream_version >= $2 order by stream_version`,
      [streamId, fromVersion]);
    return this.opener.open<E>(rows.map(toRecord));
  }

  /** Events after a global position, in order, opened for reading. Never skips (see class comment). */
  async readAll<E extends DomainEvent = DomainEvent>(after = 0, limit = 1000): Promise<StoredEvent<E>[]> {
    return this.opener.open<E>(await this.readRecords(after, limit));
  }

  /** Stored records after a position, exactly as hashed (sealed payloads, original schema versions). */
  async readRecords(after = 0, limit = 1000): Promise<EventRecord[]> {
    const rows = await this.dataSource.query(
      `select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`, [after, limit]);
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
    const [row] = await this.dataSource.query('select position, hash from es_head where id = 1');
    return { position: Number(row.position), hash: row.hash };
  }

  async streamVersion(streamId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      'select coalesce(max(stream_version), 0)::int as version from es_event where stream_id = $1', [streamId]);
    return row.version;
  }

  /** Recomputes the whole chain from the store; also checks that es_head agrees with the last event. */
  async verify(): Promise<ChainReport & { headAgrees: boolean }> {
    const report = await verifyChain(this.records());
    const head = await this.head();
    return { ...report, headAgrees: report.ok && head.position === report.headPosition && head.hash === report.headHash };
  }

  /** Opens records that came from elsewhere (Kafka, an export) with this store's keys and upcasters. */
  open<E extends DomainEvent = DomainEvent>(records: EventRecord[]): Promise<StoredEvent<E>[]> {
    return this.opener.open<E>(records);
  }
}

/** Dates → ISO strings, undefined dropped: exactly what JSON (and so JSONB and the hash) will hold. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? {}));
