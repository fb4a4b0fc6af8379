import { Client, ClientConfig } from 'pg';
import { advisoryKey } from '../postgres/pg-connection';

/**
 * The leader's session settings. Its lock is only as good as Postgres' and the relay's knowledge
 * that the other side is still there: with the OS keepalive default (2 hours) a silently dropped
 * network path keeps the lock on the server and a relay blocked on a dead socket, and publishing
 * stalls for that long. So both ends probe the idle connection after 10 s (client: TCP keepalive;
 * server: tcp_keepalives_*, ~25 s to declare the peer dead and free the lock), and no statement or
 * open transaction of the leader's can hold the session for longer than a relay round ever needs.
 */
export const LEADER_SESSION = {
  keepAliveInitialDelayMillis: 10_000,
  /** The relay's statements are one-page reads and a checkpoint upsert: milliseconds. */
  statementTimeoutMillis: 30_000,
  /** The relay opens no transaction; one left open (a bug) must not keep the lock. */
  idleInTransactionTimeoutMillis: 60_000,
  /** Server side: first probe after 10 s idle, then every 5 s, dead after 3 unanswered. */
  serverKeepalives: { idle: 10, interval: 5, count: 3 },
} as const;

/** `config` with the leader's keepalive and timeouts. */
export function leaderSessionConfig(config: ClientConfig): ClientConfig {
  const k = LEADER_SESSION.serverKeepalives;
  const serverOptions = `-c tcp_keepalives_idle=${k.idle} -c tcp_keepalives_interval=${k.interval} -c tcp_keepalives_count=${k.count}`;
  return {
    ...config,
    keepAlive: true,
    keepAliveInitialDelayMillis: LEADER_SESSION.keepAliveInitialDelayMillis,
    statement_timeout: LEADER_SESSION.statementTimeoutMillis,
    idle_in_transaction_session_timeout: LEADER_SESSION.idleInTransactionTimeoutMillis,
    options: [config.options, serverOptions].filter(Boolean).join(' '),
  };
}

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
    const session = new RelayLeadership(new Client(leaderSessionConfig(config)));
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
