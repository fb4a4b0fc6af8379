import { UsageError } from '../shared/audit-settings';
import { LineSink } from '../shared/line-sink';
import type { ReadModelView } from './read-model';
import type { ViewReader } from './view-reader';

export type ModelFormat = 'ndjson' | 'json';

export function formatOf(file: string): ModelFormat {
  if (file.endsWith('.ndjson') || file.endsWith('.jsonl')) return 'ndjson';
  if (file.endsWith('.json')) return 'json';
  throw new UsageError(`--out must end in .ndjson or .json (got ${file})`);
}

/**
 * Writes a replayed model, streaming: NDJSON is a `{"meta": …}` line, then one
 * `{"view": …, "row": …}` line per row; JSON is `{"meta": …, "views": {"<view>": [rows…]}}`.
 * Rows are in key order, each as Postgres' to_jsonb gives it (timestamps in UTC).
 */
export async function writeModel(
  file: string,
  meta: object,
  views: ReadModelView[],
  reader: ViewReader,
  params: unknown[],
): Promise<Record<string, number>> {
  const format = formatOf(file);
  const sink = LineSink.toFile(file);
  const counts: Record<string, number> = {};
  try {
    if (format === 'ndjson') {
      await sink.line(JSON.stringify({ meta }));
      for (const view of views) {
        counts[view.name] = 0;
        for await (const { row } of reader.rows(view, params)) {
          await sink.line(JSON.stringify({ view: view.name, row }));
          counts[view.name]++;
        }
      }
    } else {
      // One row per line, the comma written when the next row comes (a row is never held longer).
      await sink.line(`{"meta": ${JSON.stringify(meta)},\n "views": {`);
      for (const [i, view] of views.entries()) {
        counts[view.name] = 0;
        const close = i < views.length - 1 ? '],' : ']';
        let pending: string | undefined;
        for await (const { row } of reader.rows(view, params)) {
          await sink.line(pending === undefined ? `  ${JSON.stringify(view.name)}: [` : `${pending},`);
          pending = `    ${JSON.stringify(row)}`;
          counts[view.name]++;
        }
        if (pending === undefined) await sink.line(`  ${JSON.stringify(view.name)}: [${close}`);
        else await sink.line(`${pending}\n  ${close}`);
      }
      await sink.line('}}');
    }
  } finally {
    await sink.close();
  }
  return counts;
}
