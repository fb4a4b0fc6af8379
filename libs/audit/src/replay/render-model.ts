import type { DataSource } from 'typeorm';
import { LineSink } from '../shared/line-sink';
import type { ReadModelRender } from './read-model';
import { inSchema, saveValue } from './replay-schema';
import { ViewReader } from './view-reader';
import { formatOf } from './write-model';

/**
 * Runs a model's render — the owning service's own query code — over a replay schema, in one
 * read-only snapshot whose search_path puts the replayed tables first, so the service's unqualified
 * table names find them and nothing else. `asOf` is the moment the service's clock would have read.
 */
export async function renderModel(
  workUrl: string,
  schema: string,
  render: ReadModelRender,
  params: Record<string, string>,
  asOf: string,
): Promise<unknown> {
  const reader = await ViewReader.open(workUrl, schema);
  // Services' readers run queries side by side (Promise.all); one snapshot is one connection, so they queue.
  let queue: Promise<unknown> = Promise.resolve();
  const query = (sql: string, values?: unknown[]) => {
    const run = queue.then(() => reader.query(sql, values));
    queue = run.catch(() => undefined);
    return run;
  };
  try {
    return await render.run({ query }, { params, asOf });
  } finally {
    await reader.close();
  }
}

/**
 * Writes a rendered figure: `.json` is `{"meta": …, "<name>": result}`; `.ndjson` is a `{"meta": …}`
 * line then a `{"<name>": result}` line. The result is one document (the service's own answer), so
 * it is written whole, as the service would have sent it.
 */
export async function writeRendered(file: string, meta: object, name: string, result: unknown): Promise<void> {
  const sink = LineSink.toFile(file);
  try {
    if (formatOf(file) === 'ndjson') {
      await sink.line(JSON.stringify({ meta }));
      await sink.line(JSON.stringify({ [name]: result }));
    } else {
      await sink.line(`{"meta": ${JSON.stringify(meta)},\n ${JSON.stringify(name)}: ${JSON.stringify(result)}}`);
    }
  } finally {
    await sink.close();
  }
}

/** Keeps the figure beside the tables it came from (`_audit_replay`, key `render:<name>`), for a kept schema. */
export function saveRendered(work: DataSource, schema: string, name: string, result: unknown): Promise<void> {
  return inSchema(work, schema, (tx) => saveValue(tx, `render:${name}`, result));
}
