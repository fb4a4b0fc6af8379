import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function and per package,
 * so a benchmark's profile can be read without DevTools.
 *   node dist/bench/tools/cpuprofile-top.js <file.cpuprofile> [top=25] [inclusive-regex]
 * With a regex, also the inclusive time (self + callees, counted once per stack) of the functions
 * whose name or file matches it: where a request's time goes, layer by layer.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Inclusive time per matching function: each sample counts once for every distinct match on its stack. */
export function inclusive(profile: Profile, pattern: RegExp): string {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.replace(/.*\/node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${n.callFrame.lineNumber + 1}`;
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    if (byId.get(id)!.callFrame.functionName !== '(idle)') all += us;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n)!;
      const key = label(node);
      if (!seen.has(key) && pattern.test(key)) {
        seen.add(key);
        totals.set(key, (totals.get(key) ?? 0) + us);
      }
    }
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(
      ([k, us]) =>
        `${((us / all) * 100).toFixed(1).padStart(5)} % of busy  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
    )
    .join('\n');
}

export function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url
      .replace(/^file:\/\//, '')
      .replace(/.*\/node_modules\//, 'node_modules/')
      .replace(/.*\/dist\//, 'dist/');
    const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const group =
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('/dist/')
        ? `kompeten:${/dist\/([^/]+\/[^/]+)/.exec(url)?.[1]}`
        : url.startsWith('node:')
          ? 'node core'
          : functionName.startsWith('(')
            ? functionName
            : 'other');
    pkg.set(group, (pkg.get(group) ?? 0) + us);
  }
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
      )
      .join('\n');
  return `total sampled ${(total / 1000).toFixed(0)} ms\n\nby package (self time)\n${list(pkg, 15)}\n\nby function (self time)\n${list(fn, top)}`;
}

if (require.main === module) {
  const [file, top, pattern] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/tools/cpuprofile-top.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  console.log(summarise(profile, Number(top ?? 25)));
  if (pattern) console.log(`\ninclusive (self + callees) of /${pattern}/\n${inclusive(profile, new RegExp(pattern))}`);
}
