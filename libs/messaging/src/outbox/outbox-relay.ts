import { Partitioners, Producer } from 'kafkajs';
import type { Client } from 'pg';
import { EventRecord, EventRow, RECORD_COLUMNS, toRecord } from '@kompeten/event-store';
import { AppendSignal } from '../postgres/append-signal';
import { dedicatedConnection } from '../postgres/pg-connection';
import { backoffDelay, delay } from '../shared/backoff';
import { defaultLogger, errorText, MessagingLogger } from '../shared/messaging-logger';
import { encodeRecord, EventMessage } from '../wire/event-message';
import type { OutboxRelayOptions, OutboxRelayStats } from './outbox-relay-options';
import { ReadSizer } from './read-sizer';
import { RelayLeadership } from './relay-leadership';
import { byteBatches, isTooLarge, messageBytes } from './send-batches';

/** Below the broker's default max.message.bytes (1 048 588), with room for the batch's own framing. */
const DEFAULT_MAX_BATCH_BYTES = 900_000;
/** The most events one round reads, however small they are. */
const DEFAULT_MAX_ROUND_EVENTS = 5_000;

interface Outgoing {
  record: EventRecord;
  message: EventMessage;
  bytes: number;
}

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
  /** The leader's producer; replaced after a refused send (see `send`). */
  private producer?: Producer;

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
      parkedTotal: 0,
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
    await this.renewProducer();
    // The next round, read while this one is sent: Postgres reads while Kafka acknowledges.
    let ahead: { limit: number; records: Promise<EventRecord[]> } | undefined;
    try {
      const sizer = new ReadSizer(
        this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES,
        this.options.batchSize ?? DEFAULT_MAX_ROUND_EVENTS,
      );
      let position = await this.readCheckpoint(leadership.client);
      while (this.running) {
        if (!leadership.alive) throw new Error('the leadership session to Postgres ended');
        const round = ahead ?? this.readAhead(leadership.client, position, sizer.next());
        ahead = undefined;
        const records = await round.records;
        const full = records.length === round.limit;
        if (records.length > 0) {
          // A full round means more is probably waiting. Reads and checkpoints share the session, whose
          // queries run in the order issued; the read needs only the last position of this round.
          if (full) ahead = this.readAhead(leadership.client, records[records.length - 1].position, sizer.next());
          const sent = await this.relay(leadership.client, records);
          position = sent.position;
          sizer.observe(records.length, sent.bytes);
        }
        if (!full) await this.signal.wait(this.options.pollIntervalMs ?? 1000);
      }
    } finally {
      // Never hand the session back (or leadership up) with a read still running on it.
      await ahead?.records.catch(() => undefined);
      await this.producer?.disconnect().catch(() => undefined);
      this.producer = undefined;
    }
  }

  private readAhead(client: Client, after: number, limit: number) {
    const records = this.readBatch(client, after, limit);
    records.catch(() => undefined); // awaited later; an error surfaces there
    return { limit, records };
  }

  /**
   * A fresh idempotent producer. After a refused send, kafkajs has rolled back the sequence numbers
   * of every partition in that request, although the broker may have written some of them: the old
   * producer id would be answered "out of order" for good. A new producer id starts clean; a record
   * written twice that way is a duplicate that consumers skip (at-least-once, as after a crash).
   */
  private async renewProducer(): Promise<Producer> {
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await this.producer.connect();
    return this.producer;
  }

  /**
   * Sends the records in sends of at most maxBatchBytes, each checkpointed once the broker has it:
   * a partition's share of one send is one record batch, and the broker refuses a batch larger than
   * its max.message.bytes whole, however small each event is. Send first, checkpoint after: never a
   * checkpoint ahead of Kafka.
   */
  private async relay(client: Client, records: EventRecord[]): Promise<{ position: number; bytes: number }> {
    let bytes = 0;
    const outgoing = records.map((record): Outgoing => {
      const message = encodeRecord(record);
      const o = { record, message, bytes: messageBytes(message) };
      bytes += o.bytes;
      return o;
    });
    const maxBytes = this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    for (const batch of byteBatches(outgoing, (o) => o.bytes, maxBytes)) {
      const sent = await this.send(client, batch);
      await this.checkpoint(client, batch[batch.length - 1].record.position, sent);
    }
    return { position: records[records.length - 1].position, bytes };
  }

  /**
   * One send; when the broker still answers "too large" (its limit is below our estimate or cap),
   * halves the batch, in order, down to single records. A single record it refuses can never be
   * sent: it is parked rather than retried forever, which would stop the whole log behind it.
   * Returns how many records went to Kafka.
   */
  private async send(client: Client, batch: Outgoing[]): Promise<number> {
    const producer = this.producer ?? (await this.renewProducer());
    try {
      await producer.send({ topic: this.options.topic, acks: -1, messages: batch.map((o) => o.message) });
      return batch.length;
    } catch (e) {
      if (!isTooLarge(e)) throw e;
      await this.renewProducer();
      if (batch.length === 1) {
        await this.park(client, batch[0], errorText(e));
        return 0;
      }
      const half = Math.ceil(batch.length / 2);
      this.logger.warn(`the broker refused ${batch.length} events as too large; sending them in halves`);
      return (await this.send(client, batch.slice(0, half))) + (await this.send(client, batch.slice(half)));
    }
  }

  /** Sets aside an event the broker refuses even alone (MESSAGE_TOO_LARGE): recorded, logged, not relayed. */
  private async park(client: Client, { record, bytes }: Outgoing, reason: string): Promise<void> {
    await client.query(
      `insert into outbox_parked (relay, position, event_id, stream_id, type, bytes, reason)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (relay, position) do nothing`,
      [this.options.name, record.position, record.eventId, record.streamId, record.type, bytes, reason],
    );
    this.progress.parkedTotal += 1;
    // No stream id here: stream ids may carry a NIP, and logs must not.
    this.logger.error(
      `event ${record.eventId} (${record.type}, position ${record.position}, ~${bytes} bytes) is larger than ` +
        `the broker accepts (${reason}): parked in outbox_parked and NOT published; the relay goes on ` +
        `(runbook: "An event too large for Kafka")`,
    );
  }

  private async checkpoint(client: Client, position: number, sent: number): Promise<void> {
    await client.query(
      `insert into outbox_checkpoint (relay, position, updated_at) values ($1, $2, now())
       on conflict (relay) do update set position = greatest(outbox_checkpoint.position, excluded.position), updated_at = now()`,
      [this.options.name, position],
    );
    this.progress.lastRelayedPosition = position;
    this.progress.relayedTotal += sent;
    this.progress.backlog = Math.max(0, this.progress.headPosition - position);
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
