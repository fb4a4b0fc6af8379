import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './benchmark';

const fmt = (v: number | undefined, unit?: string): string => {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'ms' || unit === 'µs/event' || unit === 'MB') return v < 10 ? v.toFixed(2) : v.toFixed(1);
  return Math.round(v).toLocaleString('en');
};

/** The results as a fixed-width table for the terminal. */
export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.benchmark,
    f.label,
    `${fmt(f.value, f.unit)} ${f.unit}`,
    f.baseline ? `${fmt(f.baseline.value, f.unit)}` : '—',
    f.ratio === undefined ? '—' : f.ratio.toFixed(2),
    targetText(f),
    f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    String(f.samples.length),
  ]);
  const head = ['benchmark', 'figure', 'median', 'baseline', 'ratio', 'target', 'met', 'n'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function targetText(f: Figure): string {
  const t = f.target;
  if (!t) return '';
  const parts: string[] = [];
  if (t.min !== undefined) parts.push(`≥ ${fmt(t.min, f.unit)}`);
  if (t.max !== undefined) parts.push(`≤ ${fmt(t.max, f.unit)}`);
  if (t.minRatio !== undefined) parts.push(`≥ ${t.minRatio}×`);
  return parts.join(', ');
}

/** The machine the figures were taken on (BENCHMARKS.md records it beside them). */
export function machine(extra: Record<string, string>): Record<string, string> {
  return {
    cpus: String(os.cpus().length),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    ...extra,
  };
}

export function writeJson(file: string, content: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
