import { Client, ClientConfig } from 'pg';
import { advisoryKey } from '../postgres/pg-connection';

/**
 * The right to relay, held as a session advisory lock on a dedicated connection. The relay reads
 * events and writes its checkpoint on this same session: if the session dies, Postgres frees the
 * lock (a standby may take over) and the old leader can no longer advance the checkpoint.
 */
export class RelayLeadership {
  private ended = false;

  private constructor(readonly client: Client) {
    client.on('error', () => (this.ended = true));
    client.on('end', () => (this.ended = true));
  }

  /** Takes the lock for `relayName` if nobody holds it; undefined when another relay leads. */
  static async tryAcquire(config: ClientConfig, relayName: string): Promise<RelayLeadership | undefined> {
    const session = new RelayLeadership(new Client(config));
    try {
      await session.client.connect();
      const { rows } = await session.client.query<{ acquired: boolean }>(
        'select pg_try_advisory_lock($1::bigint) as acquired',
        [advisoryKey('kompeten.outbox-relay', relayName)],
      );
      if (rows[0]?.acquired === true) return session;
      await session.release();
      return undefined;
    } catch (e) {
      await session.release();
      throw e;
    }
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Ends the session, which frees the lock. */
  async release(): Promise<void> {
    this.ended = true;
    await this.client.end().catch(() => undefined);
  }
}
