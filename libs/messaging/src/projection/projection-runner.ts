import type { DataSource, QueryRunner } from 'typeorm';
import { EventRow, EventStore, RECORD_COLUMNS, toRecord } from '@kompeten/event-store';
import { AppendSignal } from '../postgres/append-signal';
import { inTransaction } from '../postgres/in-transaction';
import { dedicatedConnection } from '../postgres/pg-connection';
import { BackoffOptions, backoffDelay, delay } from '../shared/backoff';
import { defaultLogger, errorText, MessagingLogger } from '../shared/messaging-logger';
import { assertProjectionName, Projection } from './projection';
import {
  ensureActive,
  ensureBuilding,
  lockTable,
  ProjectionTable,
  saveCheckpoint,
  swapIn,
  withProjectionLock,
} from './projection-tables';

export interface ProjectionRunnerOptions {
  dataSource: DataSource;
  /** The service's own store: its upcasters and personal-data keys open the events. */
  store: EventStore;
  projection: Projection;
  /** Events per transaction (default 500). */
  batchSize?: number;
  pollIntervalMs?: number;
  backoff?: BackoffOptions;
  logger?: MessagingLogger;
}

/** Reported after each batch of a rebuild (auditors' long replays show progress). */
export interface RebuildProgress {
  tableName: string;
  position: number;
  headPosition: number;
}

/**
 * Keeps a projection up to date with the event log, exactly once: each batch of events is applied
 * and the checkpoint advanced in one transaction, under a row lock on the checkpoint (so replicas
 * running the same projection never apply a batch twice). Rebuilds run beside the live table.
 */
export class ProjectionRunner {
  private readonly signal: AppendSignal;
  private readonly logger: MessagingLogger;
  /** The types the projection reads; undefined: every type. */
  private readonly eventTypes?: ReadonlySet<string>;
  private abort = new AbortController();
  private loop?: Promise<void>;
  private lastError?: string;

  constructor(private readonly options: ProjectionRunnerOptions) {
    assertProjectionName(options.projection.name);
    this.logger = options.logger ?? defaultLogger(`Projection(${options.projection.name})`);
    this.eventTypes = options.projection.eventTypes && new Set(options.projection.eventTypes);
    this.signal = new AppendSignal(
      dedicatedConnection(options.dataSource, `kompeten-projection:${options.projection.name}`),
      this.logger,
    );
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  /** Follows the log in the background (woken at each append, polling as a fallback); rebuilds first if the projection's version changed. */
  start(): Promise<void> {
    if (this.loop) return Promise.resolve();
    this.abort = new AbortController();
    this.signal.start();
    this.loop = this.run();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    if (!this.loop) return;
    this.abort.abort();
    await this.signal.stop();
    await this.loop;
    this.loop = undefined;
  }

  /** Applies everything up to the head to the active table; returns its position. */
  async catchUp(): Promise<number> {
    let position = (await ensureActive(this.options.dataSource, this.options.projection)).position;
    for (let n = this.batchSize; n === this.batchSize;) ({ read: n, position } = await this.batch('active'));
    return position;
  }

  /**
   * Replays the whole log into a fresh table `<name>__v<n+1>` while the current one keeps serving
   * (and following) through the view; when the new table has caught up, swaps the view to it and
   * drops the old one in one transaction. Resumes an interrupted rebuild from its checkpoint.
   */
  async rebuild(options: { onProgress?: (p: RebuildProgress) => void | Promise<void> } = {}): Promise<ProjectionTable> {
    const { dataSource, projection } = this.options;
    await ensureActive(dataSource, projection);
    const building = await ensureBuilding(dataSource, projection);
    this.logger.log(`rebuilding into ${building.tableName} from position ${building.position}`);
    for (let n = this.batchSize; n === this.batchSize;) {
      const step = await this.batch('building');
      n = step.read;
      await this.batch('active');
      const [{ position: head }] = await dataSource.query<{ position: string }[]>(
        'select position from es_head where id = 1',
      );
      await options.onProgress?.({
        tableName: building.tableName,
        position: step.position,
        headPosition: Number(head),
      });
    }
    return withProjectionLock(dataSource, projection.name, async (tx) => {
      const previous = await lockTable(tx, projection.name, 'active');
      const current = await lockTable(tx, projection.name, 'building');
      if (current?.tableName !== building.tableName) return previous!; // another replica finished this rebuild
      // The last stretch is applied while the old table is locked, so readers switch from a table at
      // the head to a table at the head; the live loop then follows from the new table's checkpoint.
      for (let n = this.batchSize; n === this.batchSize;) n = (await this.step(tx, 'building')).read;
      await swapIn(tx, projection, current, previous);
      this.logger.log(
        `${projection.name} now reads from ${current.tableName}${previous ? `; dropped ${previous.tableName}` : ''}`,
      );
      return (await lockTable(tx, projection.name, 'active'))!;
    });
  }

  get name(): string {
    return this.options.projection.name;
  }

  /** The projection it keeps (tools and tests inspect what it reads). */
  get projection(): Projection {
    return this.options.projection;
  }

  private reads(type: string): boolean {
    return !this.eventTypes || this.eventTypes.has(type);
  }

  /** The active table and how far behind the log it is. */
  async status(): Promise<{ tableName?: string; position: number; headPosition: number; lastError?: string }> {
    const [row] = await this.options.dataSource.query<
      { table_name: string | null; position: string | null; head: string }[]
    >(
      `select c.table_name, c.position, h.position as head from es_head h left join projection_checkpoint c on c.projection = $1 and c.state = 'active'`,
      [this.options.projection.name],
    );
    return {
      tableName: row?.table_name ?? undefined,
      position: Number(row?.position ?? 0),
      headPosition: Number(row?.head ?? 0),
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    const { projection } = this.options;
    for (let failures = 0; !this.abort.signal.aborted;) {
      try {
        const active = await ensureActive(this.options.dataSource, projection);
        if (active.definitionVersion !== (projection.version ?? 1)) await this.rebuild();
        while (!this.abort.signal.aborted) {
          const { read } = await this.batch('active');
          failures = 0;
          if (read < this.batchSize) await this.signal.wait(this.options.pollIntervalMs ?? 1000);
        }
      } catch (e) {
        this.lastError = errorText(e);
        const wait = backoffDelay(failures++, this.options.backoff);
        this.logger.warn(`projection stalled (${this.lastError}); retrying in ${wait} ms`);
        await delay(wait, this.abort.signal);
      }
    }
  }

  private batch(state: 'active' | 'building'): Promise<{ read: number; position: number }> {
    return inTransaction(this.options.dataSource, (tx) => this.step(tx, state));
  }

  /** One batch: lock the table's checkpoint, read the events after it, apply them, advance it. */
  private async step(tx: QueryRunner, state: 'active' | 'building'): Promise<{ read: number; position: number }> {
    const table = await lockTable(tx, this.options.projection.name, state);
    if (!table) return { read: 0, position: 0 };
    const rows = await tx.manager.query<EventRow[]>(
      `select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`,
      [table.position, this.batchSize],
    );
    if (rows.length === 0) return { read: 0, position: table.position };
    const records = rows.map(toRecord);
    // Only the types it reads are opened (decrypted, upcast) and applied; the checkpoint passes them all.
    const events = await this.options.store.open(records.filter((r) => this.reads(r.type)));
    const { projection } = this.options;
    if (events.length && projection.applyBatch) await projection.applyBatch(events, tx, table.tableName);
    else for (const event of events) await projection.apply(event, tx, table.tableName);
    const position = records[records.length - 1].position;
    await saveCheckpoint(tx, table, position);
    return { read: records.length, position };
  }
}
