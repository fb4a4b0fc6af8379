import type { DataSource } from 'typeorm';

/** A command's answer as it was sent: given again, unchanged, to a retry. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type CommandClaim =
  { kind: 'claimed' } | { kind: 'answered'; requestHash: string; answer: StoredAnswer } | { kind: 'running' };

/** The events a command with this id appended, in log order (position). */
export interface AppendedByCommand {
  streamId: string;
  streamVersion: number;
  type: string;
}

/** es_command_answer and es_event's command-id index (libs/event-store/src/schema, …021-create-command-answers). */
export class CommandDedupStore {
  constructor(
    private readonly db: DataSource,
    /** How long a `running` claim holds off a retry: after that its holder is taken to have crashed. */
    private readonly leaseSeconds: number,
  ) {}

  /**
   * Claims the command id for this request: a fresh id, or one whose `running` claim is older than
   * the lease (its process died between claiming and answering). Otherwise says what holds it.
   */
  async claim(commandId: string, requestHash: string): Promise<CommandClaim> {
    const claimed = await this.db.query<unknown[]>(
      `insert into es_command_answer as a (command_id, request_hash, state)
       values ($1, $2, 'running')
       on conflict (command_id) do update set request_hash = excluded.request_hash, claimed_at = now()
         where a.state = 'running' and a.claimed_at < now() - make_interval(secs => $3)
       returning command_id`,
      [commandId, requestHash, this.leaseSeconds],
    );
    if (claimed.length) return { kind: 'claimed' };
    const [row] = await this.db.query<
      { request_hash: string; state: string; status: number; headers: Record<string, string> | null; body: string }[]
    >('select request_hash, state, status, headers, body from es_command_answer where command_id = $1', [commandId]);
    if (!row) return this.claim(commandId, requestHash); // released in between
    if (row.state === 'running') return { kind: 'running' };
    return {
      kind: 'answered',
      requestHash: row.request_hash,
      answer: { status: row.status, headers: row.headers ?? {}, body: row.body ?? '' },
    };
  }

  async appendedBy(commandId: string): Promise<AppendedByCommand[]> {
    const rows = await this.db.query<{ stream_id: string; stream_version: number; type: string }[]>(
      `select stream_id, stream_version, type from es_event where metadata->>'commandId' = $1 order by position`,
      [commandId],
    );
    return rows.map((r) => ({ streamId: r.stream_id, streamVersion: r.stream_version, type: r.type }));
  }

  async answer(commandId: string, answer: StoredAnswer): Promise<void> {
    await this.db.query(
      `update es_command_answer set state = 'done', status = $2, headers = $3, body = $4, answered_at = now()
       where command_id = $1`,
      [commandId, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** The command failed before appending anything: a retry may run it afresh. */
  async release(commandId: string): Promise<void> {
    await this.db.query(`delete from es_command_answer where command_id = $1 and state = 'running'`, [commandId]);
  }
}
