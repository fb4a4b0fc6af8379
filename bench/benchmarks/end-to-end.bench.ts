import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startFeedback, startGatewayApp, urlOf } from '../support/platform';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now, sleep } from '../harness/measure';
import { whileServerBusy } from '../support/databases';
import { median, percentile } from '../harness/stats';

interface Command {
  scheduled: number;
  accepted?: number;
  visible?: number;
  status?: number;
}

/**
 * Watches feedback's survey_responses read model: a trigger on its physical table notifies at the
 * commit that makes a row visible (a measuring probe added to the throwaway database only).
 */
async function visibilityProbe(url: string, onVisible: (submissionId: string) => void): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  let table: string | undefined;
  for (const deadline = Date.now() + 30_000; !table && Date.now() < deadline; await sleep(100)) {
    const { rows } = await c.query<{ table_name: string }>(
      `select table_name from projection_checkpoint where projection = 'survey_responses' and state = 'active'`,
    );
    table = rows[0]?.table_name;
  }
  if (!table) throw new Error('feedback never created its survey_responses read model');
  await c.query(`create function bench_visible() returns trigger language plpgsql as $$
    begin perform pg_notify('bench_visible', new.submission_id); return null; end $$`);
  await c.query(
    `create trigger bench_visible after insert on "${table}" for each row execute function bench_visible()`,
  );
  c.on('notification', (n) => onVisible(n.payload!));
  await c.query('listen bench_visible');
  return c;
}

/** Feedback and the gateway on throwaway databases, a registered unit, and the probe. */
export async function boot(onVisible: (submissionId: string) => void) {
  const feedback = await startFeedback();
  let gateway: Awaited<ReturnType<typeof startGatewayApp>> | undefined;
  let probe: Client | undefined;
  const stop = async () => {
    await probe?.end().catch(() => undefined);
    await gateway?.stop();
    await feedback.stop();
  };
  try {
    await feedback.app.listen(0, '127.0.0.1');
    // The gateway's downstream timeout as in production (default 5 s); limits raised so that load is measured, not refused.
    gateway = await startGatewayApp(
      { FEEDBACK_URL: await urlOf(feedback.app) },
      { RATE_LIMIT_PER_MINUTE: '1000000000' },
    );
    await gateway.app.listen(0, '127.0.0.1');
    const base = await urlOf(gateway.app);
    const officer = await gateway.auth.token({ roles: ['training-officer'] });
    const kiosk = await gateway.auth.token({ roles: ['kiosk'] });
    const unit = `PKM-B${Date.now().toString(36).slice(-4).toUpperCase()}`;
    const registered = await fetch(`${base}/api/v1/service-units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        unitCode: unit,
        name: `Puskesmas ${unit}`,
        opd: 'DINKES',
        kind: 'puskesmas',
        annualServiceUsers: 400,
        services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      }),
    });
    if (registered.status !== 201)
      throw new Error(`registering the unit: ${registered.status} ${await registered.text()}`);
    probe = await visibilityProbe(feedback.databaseUrl, onVisible);
    return { base, kiosk, unit, stop };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}

const SCORES = { u1: 3, u2: 3, u3: 4, u4: 3, u5: 3, u6: 4, u7: 3, u8: 3, u9: 4 };

export const endToEnd: Benchmark = {
  name: 'end-to-end',
  description:
    "a kiosk survey response at the gateway → visible in feedback's survey_responses read model, open loop at 200 commands/s",
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { rate, warmupS, seconds, runs, capacityS } = sized(ctx, {
      full: { rate: 200, warmupS: 3, seconds: 10, runs: 3, capacityS: 5 },
      smoke: { rate: 20, warmupS: 0, seconds: 1, runs: 1, capacityS: 0.5 },
    });
    const commands = new Map<string, Command>();
    let firstError: string | undefined;
    // The machine's Postgres is shared: booting two services may meet "too many clients"; try again.
    const { base, kiosk, unit, stop } = await whileServerBusy(
      () =>
        boot((id) => {
          const c = commands.get(id);
          if (c) c.visible = now();
        }),
      10,
    );
    try {
      const submit = async (c: Command, id: string) => {
        const answer = await fetch(`${base}/api/v1/survey-responses`, {
          method: 'POST',
          signal: AbortSignal.timeout(15_000),
          headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json', 'idempotency-key': id },
          body: JSON.stringify({
            submissionId: id,
            unitCode: unit,
            serviceCode: 'POLI-UMUM',
            servedOn: '2026-02-10',
            channel: 'kiosk',
            scores: SCORES,
          }),
        });
        const text = await answer.text();
        c.status = answer.status;
        c.accepted = now();
        if (answer.status !== 201) firstError ??= `${answer.status} ${text.slice(0, 300)}`;
      };
      const send = (c: Command) => {
        const id = randomUUID();
        commands.set(id, c);
        return submit(c, id).catch((e) => {
          c.status = 0;
          firstError ??= String((e as Error).cause ?? e);
        });
      };
      /**
       * Open loop: command i is due at start + i / rate whatever happened to the ones before, and its
       * latency counts from then (no coordinated omission). When more than two seconds' worth of
       * commands are unanswered the system is overloaded at this rate: the run stops early, says so,
       * and the remaining runs are skipped (they would only pile up minutes of backlog).
       */
      const phase = async (durationS: number, rate: number): Promise<{ sent: Command[]; overloaded: boolean }> => {
        const total = Math.round(durationS * rate);
        const start = now() + 5;
        const sent: Command[] = [];
        const inFlight: Promise<void>[] = [];
        let overloaded = false;
        for (let i = 0; i < total && !overloaded;) {
          for (; i < total && start + (i * 1000) / rate <= now(); i++) {
            const c: Command = { scheduled: start + (i * 1000) / rate };
            sent.push(c);
            inFlight.push(send(c));
          }
          overloaded = sent.filter((c) => c.status === undefined).length > 2 * rate;
          await sleep(1);
        }
        await Promise.all(inFlight);
        for (
          const deadline = Date.now() + 30_000;
          sent.some((c) => c.status === 201 && c.visible === undefined) && Date.now() < deadline;
        )
          await sleep(10);
        return { sent, overloaded };
      };
      // Warm-up (JIT, pools, keep-alive), then what the platform can do at most, then the open-loop runs.
      if (warmupS) await measureCapacity(send, warmupS);
      const capacity = await measureCapacity(send, capacityS);
      ctx.log(
        `  capacity (closed loop, 16 in flight): ${capacity.commandsPerSecond.toFixed(0)} commands/s; ${capacity.cpuMsPerCommand.toFixed(1)} ms CPU per command (background ${capacity.backgroundCpuMsPerSecond.toFixed(0)} ms/s)`,
      );
      const summary = (sent: Command[], overloaded: boolean) => {
        const ok = sent.filter((c) => c.status === 201);
        const visible = ok
          .filter((c) => c.visible !== undefined)
          .map((c) => c.visible! - c.scheduled)
          .sort((a, b) => a - b);
        const accepted = ok.map((c) => c.accepted! - c.scheduled).sort((a, b) => a - b);
        const statuses: Record<string, number> = {};
        for (const c of sent) if (c.status !== 201) statuses[String(c.status)] = (statuses[String(c.status)] ?? 0) + 1;
        ctx.log(
          `  p50 ${percentile(visible, 50).toFixed(1)} ms, p99 ${percentile(visible, 99).toFixed(1)} ms, ${sent.length - ok.length} of ${sent.length} failed${overloaded ? ', OVERLOADED (stopped early)' : ''}${Object.keys(statuses).length ? ` ${JSON.stringify(statuses)}` : ''}`,
        );
        return {
          p50: percentile(visible, 50),
          p99: percentile(visible, 99),
          max: visible[visible.length - 1] ?? NaN,
          acceptedP50: percentile(accepted, 50),
          acceptedP99: percentile(accepted, 99),
          commands: sent.length,
          failed: sent.length - ok.length,
          neverVisible: ok.length - visible.length,
          overloaded,
        };
      };
      const perRun: ReturnType<typeof summary>[] = [];
      for (let run = 0; run < runs && !perRun.some((r) => r.overloaded); run++) {
        const { sent, overloaded } = await phase(seconds, rate);
        perRun.push(summary(sent, overloaded));
      }
      // Where the target rate is out of reach, the latency of one command on a platform with headroom
      // (half its measured capacity) still says what a command costs end to end.
      const relaxedRate = Math.max(1, Math.min(rate, Math.floor(capacity.commandsPerSecond / 2)));
      let relaxed: ReturnType<typeof summary> | undefined;
      if (perRun.some((r) => r.overloaded) && relaxedRate < rate) {
        await sleep(3000); // requests the gateway gave up on may still be queued in feedback: let them drain
        ctx.log(`  at ${relaxedRate}/s (half the capacity):`);
        relaxed = summary((await phase(seconds, relaxedRate)).sent, false);
      }
      if (firstError) ctx.log(`  first error: ${firstError}`);
      const failed = perRun.reduce((a, r) => a + r.failed + r.neverVisible, 0);
      const diagnostics = {
        perRun,
        rate,
        secondsPerRun: seconds,
        capacity,
        relaxed: relaxed && { rate: relaxedRate, ...relaxed },
        firstError,
        inProcess: 'gateway, feedback (with its workers) and the load generator share one Node process',
      };
      const figure = (p: 'p50' | 'p99', max: number): Figure => {
        const samples = perRun.map((r) => r[p]);
        const value = median(samples);
        return {
          benchmark: this.name,
          label: `${p}: gateway POST /api/v1/survey-responses → row in survey_responses, ${rate}/s`,
          unit: 'ms',
          value,
          samples,
          target: { max },
          met: value <= max && failed === 0,
          ...(p === 'p50' ? { diagnostics } : {}),
          ...(failed
            ? {
                note: `${failed} commands failed or never became visible${perRun.some((r) => r.overloaded) ? '; overloaded at this rate' : ''}`,
              }
            : {}),
        };
      };
      const relaxedFigures: Figure[] = relaxed
        ? (['p50', 'p99'] as const).map((p) => ({
            benchmark: this.name,
            label: `${p} at ${relaxedRate}/s (half the measured capacity), same path`,
            unit: 'ms' as const,
            value: relaxed[p],
            samples: [relaxed[p]],
            note: `${relaxed.failed} failed`,
          }))
        : [];
      return [
        figure('p50', 30),
        figure('p99', 150),
        ...relaxedFigures,
        {
          benchmark: this.name,
          label: 'capacity: commands/s with 16 in flight (closed loop, same path)',
          unit: 'req/s',
          value: capacity.commandsPerSecond,
          samples: [capacity.commandsPerSecond],
          diagnostics: capacity,
        },
      ];
    } finally {
      await stop();
    }
  },
};

/**
 * How many commands per second the in-process platform answers when kept busy (16 in flight), and
 * its CPU per command net of the background work (relay, projections, consumers, metrics) measured
 * while idle: the figure that says whether a rate is reachable at all.
 */
async function measureCapacity(send: (c: Command) => Promise<void>, seconds: number) {
  const idleS = Math.min(2, seconds);
  await sleep(idleS * 500); // let the workers finish what the last phase left them
  let cpu = process.cpuUsage();
  await sleep(idleS * 1000);
  const background = process.cpuUsage(cpu);
  const backgroundCpuMsPerSecond = (background.user + background.system) / 1000 / idleS;
  cpu = process.cpuUsage();
  const start = now();
  const end = start + seconds * 1000;
  let ok = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (now() < end) {
        const c: Command = { scheduled: now() };
        await send(c);
        if (c.status === 201) ok++;
      }
    }),
  );
  const elapsed = (now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return {
    commandsPerSecond: ok / elapsed,
    cpuMsPerCommand: ok ? (cpuMs - backgroundCpuMsPerSecond * elapsed) / ok : NaN,
    backgroundCpuMsPerSecond,
    nodeCores: cpuMs / 1000 / elapsed,
  };
}
