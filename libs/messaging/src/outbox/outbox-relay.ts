import { Partitioners, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { EventRecord, EventRow, RECORD_COLUMNS, toRecord } from '@kompeten/event-store';
import { AppendSignal } from '../postgres/append-signal';
import { dedicatedConnection } from '../postgres/pg-connection';
import { backoffDelay, delay } from '../shared/backoff';
import { defaultLogger, errorText, MessagingLogger } from '../shared/messaging-logger';
import { encodeRecord } from '../wire/event-message';
import type { OutboxRelayOptions, OutboxRelayStats } from './outbox-relay-options';
import { RelayLeadership } from './relay-leadership';

/**
 * The transactional outbox relay: publishes the committed event log, in position order, to the
 * service's topic, then advances its checkpoint. At-least-once: a crash between send and
 * checkpoint re-sends that batch, and consumers skip what they already applied. One relay per name
 * leads at a time (advisory lock); the others stand by.
 */
export class OutboxRelay {
  private readonly signal: AppendSignal;
  private readonly logger: MessagingLogger;
  private abort = new AbortController();
  private loop?: Promise<void>;
  private readonly progress: OutboxRelayStats;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? defaultLogger(`OutboxRelay(${options.name})`);
    this.signal = new AppendSignal(
      dedicatedConnection(options.dataSource, `kompeten-relay-listen:${options.name}`),
      this.logger,
    );
    this.progress = {
      name: options.name,
      topic: options.topic,
      role: 'stopped',
      lastRelayedPosition: 0,
      headPosition: 0,
      backlog: 0,
      relayedTotal: 0,
    };
  }

  /** Starts relaying (or standing by) in the background; returns at once. */
  start(): Promise<void> {
    if (this.loop) return Promise.resolve();
    this.abort = new AbortController();
    this.signal.start();
    this.progress.role = 'standby';
    this.loop = this.run();
    return Promise.resolve();
  }

  /** Finishes the batch in flight, releases leadership and closes connections. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.abort.abort();
    await this.signal.stop();
    await this.loop;
    this.loop = undefined;
    this.progress.role = 'stopped';
  }

  stats(): OutboxRelayStats {
    return { ...this.progress };
  }

  private get running(): boolean {
    return !this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    const config = dedicatedConnection(this.options.dataSource, `kompeten-relay:${this.options.name}`);
    for (let failures = 0; this.running;) {
      let leadership: RelayLeadership | undefined;
      try {
        leadership = await RelayLeadership.tryAcquire(config, this.options.name);
        if (!leadership) {
          this.progress.role = 'standby';
          await delay(this.options.standbyRetryMs ?? 2000, this.abort.signal);
          continue;
        }
        this.progress.role = 'leader';
        this.logger.log(`leading: relaying to ${this.options.topic}`);
        await this.lead(leadership);
        failures = 0;
      } catch (e) {
        this.progress.lastError = errorText(e);
        const wait = backoffDelay(failures++, this.options.backoff);
        this.logger.warn(`relay interrupted (${this.progress.lastError}); retrying in ${wait} ms`);
        await delay(wait, this.abort.signal);
      } finally {
        this.progress.role = this.running ? 'standby' : 'stopped';
        await leadership?.release();
      }
    }
  }

  private async lead(leadership: RelayLeadership): Promise<void> {
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      const batchSize = this.options.batchSize ?? 200;
      let position = await this.readCheckpoint(leadership.client);
      while (this.running) {
        if (!leadership.alive) throw new Error('the leadership session to Postgres ended');
        const records = await this.readBatch(leadership.client, position, batchSize);
        if (records.length > 0) position = await this.relay(leadership.client, producer, records);
        if (records.length < batchSize) await this.signal.wait(this.options.pollIntervalMs ?? 1000);
      }
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }

  /** Send first, checkpoint after: never a checkpoint ahead of Kafka. */
  private async relay(client: Client, producer: Producer, records: EventRecord[]): Promise<number> {
    await producer.send({ topic: this.options.topic, acks: -1, messages: records.map(encodeRecord) });
    const last = records[records.length - 1].position;
    await client.query(
      `insert into outbox_checkpoint (relay, position, updated_at) values ($1, $2, now())
       on conflict (relay) do update set position = greatest(outbox_checkpoint.position, excluded.position), updated_at = now()`,
      [this.options.name, last],
    );
    this.progress.lastRelayedPosition = last;
    this.progress.relayedTotal += records.length;
    this.progress.backlog = Math.max(0, this.progress.headPosition - last);
    return last;
  }

  private async readCheckpoint(client: Client): Promise<number> {
    const { rows } = await client.query<{ position: string }>(
      'select position from outbox_checkpoint where relay = $1',
      [this.options.name],
    );
    this.progress.lastRelayedPosition = rows.length ? Number(rows[0].position) : 0;
    return this.progress.lastRelayedPosition;
  }

  /** Positions are gapless and become visible in order (the store serialises appends), so "after N" never skips. */
  private async readBatch(client: Client, after: number, limit: number): Promise<EventRecord[]> {
    const head = await client.query<{ position: string }>('select position from es_head where id = 1');
    const { rows } = await client.query<EventRow>(
      `select ${RECORD_COLUMNS} from es_event where position > $1 order by position limit $2`,
      [after, limit],
    );
    this.progress.headPosition = Number(head.rows[0]?.position ?? 0);
    this.progress.backlog = Math.max(0, this.progress.headPosition - after);
    return rows.map(toRecord);
  }
}
