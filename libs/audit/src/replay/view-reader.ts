import { Client } from 'pg';
import type { ReadModel, ReadModelView } from './read-model';
import { ident } from './replay-schema';

export interface ViewRow {
  /** The key columns as text, compared byte-wise (the order Postgres gives with COLLATE "C"). */
  key: string[];
  row: Record<string, unknown>;
}

/** Byte order of the UTF-8 key texts (what `collate "C"` sorts by); null sorts last, as Postgres does. */
export function compareKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = Buffer.compare(Buffer.from(x), Buffer.from(y));
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Reads views of a read model in key order through a server-side cursor, in one read-only
 * snapshot (REPEATABLE READ), so that a large model streams and all its views describe one moment.
 */
export class ViewReader {
  private cursors = 0;

  private constructor(private readonly client: Client) {}

  /** `schema`: a replay schema (its tables shadow everything else); none for the live database. */
  static async open(url: string, schema?: string): Promise<ViewReader> {
    const client = new Client({ connectionString: url, application_name: 'kompeten-audit' });
    await client.connect();
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set local time zone 'UTC'`);
    if (schema) await client.query(`set local search_path to ${ident(schema)}, public`);
    return new ViewReader(client);
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.client.query(sql, params).then((r) => r.rows as T[]);
  }

  async *rows(view: ReadModelView, params: unknown[], fetchSize = 500): AsyncGenerator<ViewRow> {
    const name = `audit_view_${++this.cursors}`;
    const keys = view.key.map((k) => `(v.${ident(k)})::text`);
    await this.client.query(
      `declare ${name} no scroll cursor for
         select array[${keys.join(', ')}] as audit_key, to_jsonb(v) as audit_row from (${view.sql}) v
         order by ${keys.map((k) => `${k} collate "C" nulls last`).join(', ')}`,
      params,
    );
    try {
      for (;;) {
        const { rows } = await this.client.query<{ audit_key: ViewRow['key']; audit_row: ViewRow['row'] }>(
          `fetch ${fetchSize} from ${name}`,
        );
        for (const r of rows) yield { key: r.audit_key, row: r.audit_row };
        if (rows.length < fetchSize) return;
      }
    } finally {
      await this.client.query(`close ${name}`).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.client.query('rollback').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

/** The model's views; by default each projection's table in full, keyed by its primary key (read from the replay schema). */
export async function viewsOf(model: ReadModel, replayed: ViewReader, schema: string): Promise<ReadModelView[]> {
  if (model.views?.length) return model.views;
  const views: ReadModelView[] = [];
  for (const p of model.projections ?? []) {
    const key = await replayed.query<{ name: string }>(
      `select a.attname as name from pg_index i
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
      [`${ident(schema)}.${ident(p.name)}`],
    );
    const columns = key.length
      ? key
      : await replayed.query<{ name: string }>(
          `select column_name as name from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`,
          [schema, p.name],
        );
    views.push({ name: p.name, sql: `select * from ${ident(p.name)}`, key: columns.map((c) => c.name) });
  }
  return views;
}

/** `--param name=value` values in the order the model's views number them. */
export function viewParams(model: ReadModel, given: Record<string, string>): unknown[] {
  return (model.params ?? []).map((name) => given[name] ?? null);
}
