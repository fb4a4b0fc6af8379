import { Client, ClientConfig } from 'pg';
import { APPENDED_CHANNEL } from '@kompeten/event-store';
import { backoffDelay } from '../shared/backoff';
import { errorText, MessagingLogger } from '../shared/messaging-logger';

/**
 * Wakes a reader when the event store commits an append (LISTEN on APPENDED_CHANNEL), on a
 * dedicated connection that reconnects after any error. Readers still poll: a notification can be
 * missed while the connection is down, so `wait` is always bounded by a timeout.
 */
export class AppendSignal {
  private client?: Client;
  private pending = false;
  private stopped = true;
  private failures = 0;
  private readonly waiters = new Set<() => void>();
  private readonly lostClients = new WeakSet<Client>();
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: ClientConfig,
    private readonly logger: MessagingLogger,
  ) {}

  /** Whether notifications are currently being received (false while reconnecting). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  /** Resolves at the next append notification, or after `timeoutMs`, or at once if one arrived since the last wait. */
  wait(timeoutMs: number): Promise<void> {
    if (this.pending || this.stopped) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Wakes every waiter now (also used by stop, so that a loop notices it should end). */
  wake(): void {
    if (this.waiters.size === 0) this.pending = true;
    for (const w of [...this.waiters]) w();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.wake();
    const client = this.client;
    this.client = undefined;
    if (client) this.lostClients.add(client);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', () => this.wake());
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(APPENDED_CHANNEL)}`);
    } catch (e) {
      this.lost(client, e);
      return;
    }
    if (this.stopped || this.lostClients.has(client)) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) this.logger.log(`listening for appends again after ${this.failures} failed attempt(s)`);
    this.client = client;
    this.failures = 0;
    // Appends committed while we were not listening sent notifications nobody heard.
    this.wake();
  }

  private lost(client: Client, error: unknown): void {
    if (this.lostClients.has(client)) return;
    this.lostClients.add(client);
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const wait = backoffDelay(this.failures++, { initialMs: 500, maxMs: 15_000 });
    this.logger.warn(
      `LISTEN ${APPENDED_CHANNEL} connection lost (${errorText(error)}); reconnecting in ${wait} ms, polling meanwhile`,
    );
    this.reconnectTimer = setTimeout(() => void this.connect(), wait);
  }
}
