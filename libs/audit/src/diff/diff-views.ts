import type { ReadModelView } from '../replay/read-model';
import { compareKeys, ViewReader, ViewRow } from '../replay/view-reader';

export interface RowDifference {
  kind: 'only-live' | 'only-replayed' | 'changed';
  key: Record<string, string | null>;
  /** For a changed row: each column whose value differs. */
  columns?: { column: string; live: unknown; replayed: unknown }[];
  live?: Record<string, unknown>;
  replayed?: Record<string, unknown>;
}

export interface ViewDiff {
  view: string;
  liveRows: number;
  replayedRows: number;
  onlyLive: number;
  onlyReplayed: number;
  changed: number;
  /** The first differences (up to the limit), in key order. */
  samples: RowDifference[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares one view, live against replayed, by walking both in key order side by side (a merge:
 * neither side is held in memory). Values are compared as to_jsonb gives them.
 */
export async function diffView(
  view: ReadModelView,
  live: ViewReader,
  replayed: ViewReader,
  params: unknown[],
  limit = 20,
): Promise<ViewDiff> {
  const result: ViewDiff = {
    view: view.name,
    liveRows: 0,
    replayedRows: 0,
    onlyLive: 0,
    onlyReplayed: 0,
    changed: 0,
    samples: [],
  };
  const keyOf = (r: ViewRow) => Object.fromEntries(view.key.map((k, i) => [k, r.key[i] ?? null]));
  const note = (d: RowDifference) => {
    if (result.samples.length < limit) result.samples.push(d);
  };
  const a = live.rows(view, params);
  const b = replayed.rows(view, params);
  try {
    let x = await a.next();
    let y = await b.next();
    while (!x.done || !y.done) {
      const order = x.done ? 1 : y.done ? -1 : compareKeys(x.value.key, y.value.key);
      if (order < 0) {
        result.liveRows++;
        result.onlyLive++;
        note({ kind: 'only-live', key: keyOf(x.value as ViewRow), live: (x.value as ViewRow).row });
        x = await a.next();
      } else if (order > 0) {
        result.replayedRows++;
        result.onlyReplayed++;
        note({ kind: 'only-replayed', key: keyOf(y.value as ViewRow), replayed: (y.value as ViewRow).row });
        y = await b.next();
      } else {
        result.liveRows++;
        result.replayedRows++;
        const l = (x.value as ViewRow).row;
        const r = (y.value as ViewRow).row;
        const columns = [...new Set([...Object.keys(l), ...Object.keys(r)])]
          .filter((c) => !same(l[c], r[c]))
          .map((c) => ({ column: c, live: l[c], replayed: r[c] }));
        if (columns.length) {
          result.changed++;
          note({ kind: 'changed', key: keyOf(x.value as ViewRow), columns });
        }
        x = await a.next();
        y = await b.next();
      }
    }
  } finally {
    await a.return(undefined);
    await b.return(undefined);
  }
  return result;
}

export function formatDiff(diffs: ViewDiff[]): string {
  const lines: string[] = [];
  const key = (k: Record<string, string | null>) =>
    Object.entries(k)
      .map(([c, v]) => `${c}=${v}`)
      .join(' ');
  for (const d of diffs) {
    const n = d.onlyLive + d.onlyReplayed + d.changed;
    lines.push(
      `${d.view}: ${n ? `${n} difference(s)` : 'identical'} (live ${d.liveRows} rows, replayed ${d.replayedRows})`,
    );
    for (const s of d.samples) {
      if (s.kind === 'changed')
        lines.push(
          `  changed   ${key(s.key)}: ${s.columns!.map((c) => `${c.column} live ${JSON.stringify(c.live)} ≠ replayed ${JSON.stringify(c.replayed)}`).join('; ')}`,
        );
      else
        lines.push(
          `  ${s.kind === 'only-live' ? 'only live ' : 'only replayed'} ${key(s.key)} ${JSON.stringify(s.live ?? s.replayed)}`,
        );
    }
    if (n > d.samples.length) lines.push(`  … and ${n - d.samples.length} more`);
  }
  return lines.join('\n');
}
