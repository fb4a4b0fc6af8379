import { readFileSync } from 'node:fs';
import { median, slope } from './stats';

export const now = (): number => performance.now();

/** Runs `work` and returns how long it took, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}

export const perSecond = (count: number, ms: number): number => (count * 1000) / ms;

/**
 * Measures a subject and its baseline `runs` times, back to back, alternating which goes first
 * (ABBA) so that a machine getting busier or quieter during the run does not favour either side.
 * Returns the samples and the per-pair ratios subject / baseline.
 */
export async function paired(
  runs: number,
  subject: (run: number) => Promise<number>,
  baseline: (run: number) => Promise<number>,
): Promise<{ subject: number[]; baseline: number[]; ratios: number[] }> {
  const out = { subject: [] as number[], baseline: [] as number[], ratios: [] as number[] };
  for (let run = 0; run < runs; run++) {
    let s: number;
    let b: number;
    if (run % 2 === 0) {
      b = await baseline(run);
      s = await subject(run);
    } else {
      s = await subject(run);
      b = await baseline(run);
    }
    out.subject.push(s);
    out.baseline.push(b);
    out.ratios.push(s / b);
  }
  return out;
}

/** Repeats `work` `runs` times and returns every sample. */
export async function repeated(runs: number, work: (run: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await work(run));
  return samples;
}

const MB = 1024 * 1024;

/** Samples heapUsed (after an initial GC) while a long run goes on; "flat" = no upward trend. */
export class HeapSampler {
  private readonly points: { x: number; y: number }[] = [];
  private timer?: NodeJS.Timeout;
  private start = 0;

  begin(everyMs = 250): void {
    (globalThis as { gc?: () => void }).gc?.();
    this.start = now();
    const sample = () => this.points.push({ x: (now() - this.start) / 60_000, y: process.memoryUsage().heapUsed / MB });
    sample();
    this.timer = setInterval(sample, everyMs);
  }

  /** Start, peak and end heap in MB, and the trend over the second half of the run in MB per minute. */
  end(): { heapStartMB: number; heapPeakMB: number; heapEndMB: number; heapTrendMBPerMin: number; samples: number } {
    clearInterval(this.timer);
    this.points.push({ x: (now() - this.start) / 60_000, y: process.memoryUsage().heapUsed / MB });
    const ys = this.points.map((p) => p.y);
    const secondHalf = this.points.slice(Math.floor(this.points.length / 2));
    const r = (x: number) => Math.round(x * 10) / 10;
    return {
      heapStartMB: r(ys[0]),
      heapPeakMB: r(Math.max(...ys)),
      heapEndMB: r(ys[ys.length - 1]),
      heapTrendMBPerMin: r(slope(secondHalf)),
      samples: this.points.length,
    };
  }
}

function cpuTimes(): { busy: number; total: number } {
  try {
    const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * Where the CPU went during a run: the machine as a whole (on a shared 2-core machine a figure is
 * CPU-bound when it is near 100 % busy, whoever used it), this Node process, and the Postgres
 * backends serving the benchmark's database (by pid), each per event. CPU per event stays put when
 * the machine is busy, where events per second do not: it is the figure to compare across runs.
 */
export class CostMeter {
  private readonly machine = cpuTimes();
  private readonly node = process.cpuUsage();
  private readonly wall = now();

  private constructor(
    private readonly pids: () => Promise<number[]>,
    private readonly pg: Map<number, number>,
  ) {}

  /** `pids` lists the database's backends; it is asked again at the end, and sessions opened meanwhile count in full. */
  static async start(pids: () => Promise<number[]> = () => Promise.resolve([])): Promise<CostMeter> {
    const at = new Map<number, number>();
    for (const pid of await pids()) at.set(pid, processCpuSeconds([pid]));
    return new CostMeter(pids, at);
  }

  async read(
    events: number,
  ): Promise<{ machineBusy: number; nodeCores: number; nodeUsPerEvent: number; pgUsPerEvent: number }> {
    const m = cpuTimes();
    const p = process.cpuUsage(this.node);
    const wallMs = now() - this.wall;
    let pgSeconds = 0;
    const pids = await this.pids();
    for (const pid of pids) pgSeconds += processCpuSeconds([pid]) - (this.pg.get(pid) ?? 0);
    const dt = m.total - this.machine.total;
    const nodeUs = p.user + p.system;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      machineBusy: dt > 0 ? r2((m.busy - this.machine.busy) / dt) : NaN,
      nodeCores: r2(nodeUs / 1000 / wallMs),
      nodeUsPerEvent: Math.round(nodeUs / events),
      pgUsPerEvent: pids.length ? Math.round((pgSeconds * 1e6) / events) : NaN,
    };
  }
}

/** CPU seconds (user + system) a set of processes has used so far, from /proc/<pid>/stat. */
export function processCpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
    } catch {
      // the process ended: its time is lost, which only under-counts
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** Median of each numeric key over several diagnostic readings. */
export function medianOf<T extends Record<string, number>>(readings: T[]): T {
  const out: Record<string, number> = {};
  for (const k of Object.keys(readings[0] ?? {})) out[k] = median(readings.map((r) => r[k]));
  return out as T;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` every 200 ms until it holds; fails after `timeoutMs` naming `what`. */
export async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 600_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) if (await probe()) return;
  throw new Error(`${what} not reached within ${timeoutMs / 1000} s`);
}
