import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { paired, processCpuSeconds } from '../harness/measure';
import { median } from '../harness/stats';
import { READ_PATH, ReadTarget, startBareTarget, startGatewayTarget } from '../servers/read-targets';

interface Target extends ReadTarget {
  /** CPU seconds the server has used so far (its own process only; NaN in-process). */
  cpu(): number;
}

/** Starts a target in a child process (compiled runs) so that the server does not share the load generator's event loop. */
export async function childTarget(message: {
  kind: 'gateway' | 'bare';
  body?: unknown;
  logLevel?: string;
}): Promise<Target> {
  const child: ChildProcess = fork(path.join(__dirname, '../servers/read-target.process.js'), [], {
    execArgv: ['-r', path.resolve(__dirname, '../../../deploy/register-paths.cjs')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string; error?: string }) =>
      m.url ? resolve(m.url) : reject(new Error(m.error)),
    );
    child.once('exit', (code) => reject(new Error(`read target exited with ${code}`)));
    child.send(message);
  });
  return {
    url,
    cpu: () => processCpuSeconds([child.pid!]),
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.disconnect();
      }),
  };
}

async function inProcessTarget(start: () => Promise<ReadTarget>): Promise<Target> {
  return { ...(await start()), cpu: () => NaN };
}

export const gatewayRead: Benchmark = {
  name: 'gateway-read',
  description:
    'gateway, validated public read endpoint (cached scorecards) under autocannon vs a bare NestJS app returning the same JSON',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, seconds, connections, amount } = sized(ctx, {
      full: { runs: 5, seconds: 4, connections: 16, amount: undefined },
      smoke: { runs: 1, seconds: 1, connections: 4, amount: 40 },
    });
    // Under ts-jest (the smoke test) there is no compiled child to fork: both servers run in-process.
    const forked = __filename.endsWith('.js') && ctx.scale === 'full';
    const gateway = forked
      ? await childTarget({ kind: 'gateway' })
      : await inProcessTarget(() => startGatewayTarget('error'));
    let bare: Target | undefined;
    let quiet: Target | undefined;
    try {
      const answer = await fetch(gateway.url + READ_PATH);
      if (answer.status !== 200) throw new Error(`gateway answered ${answer.status}: ${await answer.text()}`);
      const body = await answer.json();
      bare = forked ? await childTarget({ kind: 'bare', body }) : await inProcessTarget(() => startBareTarget(body));
      const cpu = { gateway: [] as number[], bare: [] as number[], quiet: [] as number[] };
      const load = async (t: Target, side: 'gateway' | 'bare' | 'quiet', duration = seconds) => {
        const before = t.cpu();
        const r = await autocannon({ url: t.url + READ_PATH, connections, ...(amount ? { amount } : { duration }) });
        if (r.errors || r.non2xx) throw new Error(`${side}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
        const rps = r.requests.total / r.duration;
        cpu[side].push(((t.cpu() - before) * 1e6) / r.requests.total);
        return rps;
      };
      await load(gateway, 'gateway', 1); // warm-up: JIT, keep-alive connections
      await load(bare, 'bare', 1);
      cpu.gateway = [];
      cpu.bare = [];
      const r = await paired(
        runs,
        () => load(gateway, 'gateway'),
        () => load(bare!, 'bare'),
      );
      const figure: Figure = {
        benchmark: this.name,
        label: `gateway GET ${READ_PATH.split('?')[0]} (validated query, cached), ${connections} connections`,
        unit: 'req/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: { label: 'bare NestJS app, same JSON', value: median(r.baseline), samples: r.baseline },
        ratio: median(r.ratios),
        target: { minRatio: 0.7 },
        diagnostics: {
          serverCpuUsPerRequest: { gateway: Math.round(median(cpu.gateway)), bare: Math.round(median(cpu.bare)) },
          serversInChildProcesses: forked,
        },
      };
      figure.met = targetMet(figure);
      if (!forked) return [figure];
      // What the per-request log line costs: the same gateway at LOG_LEVEL=warn, which writes none.
      quiet = await childTarget({ kind: 'gateway', logLevel: 'warn' });
      cpu.quiet = [];
      await load(quiet, 'quiet', 1);
      cpu.quiet = [];
      cpu.gateway = [];
      const q = await paired(
        runs,
        () => load(gateway, 'gateway'),
        () => load(quiet!, 'quiet'),
      );
      const logging: Figure = {
        benchmark: this.name,
        label: `gateway as above (LOG_LEVEL=info, a line per request), against the same gateway at LOG_LEVEL=warn (no line)`,
        unit: 'req/s',
        value: median(q.subject),
        samples: q.subject,
        baseline: { label: 'gateway, LOG_LEVEL=warn', value: median(q.baseline), samples: q.baseline },
        ratio: median(q.ratios),
        diagnostics: {
          serverCpuUsPerRequest: { info: Math.round(median(cpu.gateway)), warn: Math.round(median(cpu.quiet)) },
        },
      };
      return [figure, logging];
    } finally {
      await quiet?.stop();
      await bare?.stop();
      await gateway.stop();
    }
  },
};
