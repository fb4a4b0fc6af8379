import { readFileSync } from 'node:fs';
import type { Figure } from '../harness/benchmark';
import { targetText } from '../harness/report';

/**
 * Renders a results file as the Markdown table BENCHMARKS.md holds:
 *   node dist/bench/tools/results-markdown.js bench/results/latest.json
 */
const num = (v: number | undefined, unit: string) => {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'ms' || unit === 'µs/event') return v < 10 ? v.toFixed(2) : v.toFixed(1);
  return Math.round(v).toLocaleString('en');
};

export function markdown(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const samples = f.samples.map((s) => num(s, f.unit)).join(' / ');
    const met = f.met === undefined ? '' : f.met ? '**yes**' : '**no**';
    return `| ${f.benchmark} | ${f.label} | ${num(f.value, f.unit)} ${f.unit} | ${samples} | ${f.baseline ? `${num(f.baseline.value, f.unit)} (${f.baseline.label})` : '—'} | ${f.ratio === undefined ? '—' : f.ratio.toFixed(2)} | ${targetText(f)} | ${met} | ${f.load ? `${f.load.start}→${f.load.end}` : ''} |`;
  });
  return [
    '| benchmark | figure | median | runs | baseline (median) | ratio | target | met | load |',
    '|---|---|---:|---|---|---:|---|---|---|',
    ...rows,
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2] ?? 'bench/results/latest.json';
  const results = JSON.parse(readFileSync(file, 'utf8')) as {
    figures: Figure[];
    machine: Record<string, string>;
    seconds: number;
    started: string;
  };
  console.log(
    `Run ${results.started}, ${(results.seconds / 60).toFixed(1)} min. Machine: ${Object.entries(results.machine)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}\n`,
  );
  console.log(markdown(results.figures));
}
