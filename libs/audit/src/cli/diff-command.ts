import { diffView, formatDiff, ViewDiff } from '../diff/diff-views';
import type { Cutoff } from '../replay/cut-sources';
import { replay } from '../replay/replay-engine';
import { assertSchemaName, dropSchema } from '../replay/replay-schema';
import { ViewReader, viewParams, viewsOf } from '../replay/view-reader';
import { UsageError } from '../shared/audit-settings';
import { openWorkDatabase } from '../shared/work-database';
import type { CliContext } from './cli-context';
import { parseParams, parsePositive } from './cli-options';
import { describeSources, parseCutoff, replaySource, replaySummary, scratchSchema } from './replay-command';

/**
 * Replays a model and compares it with the live one. Without a cut-off, each projection is
 * replayed exactly to the position its live table has reached (read in the same snapshot as the
 * live rows), so any difference is a difference in content, not in timing.
 */
export async function diffCommand(ctx: CliContext): Promise<number> {
  const v = ctx.values;
  const model = ctx.readModel(ctx.positionals[0]);
  const given = parseCutoff(ctx, model, false);
  const source = replaySource(ctx);
  const params = viewParams(model, parseParams(v.param, model.params ?? []));
  const limit = parsePositive(v.limit, '--limit') ?? 20;
  if (v.schema) assertSchemaName(v.schema);
  const schema = v.schema ?? scratchSchema(model);
  const live = await ViewReader.open(ctx.targets(model.service)(model.service).databaseUrl);
  const work = await openWorkDatabase(ctx.workDatabaseUrl);
  try {
    const { cutoff, projectionCuts } =
      given.asOf || given.position ? { cutoff: given, projectionCuts: undefined } : await liveCutoffs(live, model);
    const result = await replay({
      model,
      source,
      targets: ctx.targets(model.service),
      kafka: ctx.kafka,
      cutoff,
      projectionCuts,
      work,
      schema,
      verify: !v['no-verify'],
      signal: ctx.signal,
      progress: ctx.progress,
    });
    if (result.interrupted) return 130;
    const replayed = await ViewReader.open(ctx.workDatabaseUrl, schema);
    const diffs: ViewDiff[] = [];
    try {
      for (const view of await viewsOf(model, replayed, schema))
        diffs.push(await diffView(view, live, replayed, params, limit));
    } finally {
      await replayed.close();
    }
    const identical = diffs.every((d) => d.onlyLive + d.onlyReplayed + d.changed === 0);
    ctx.report(
      { ...replaySummary(model, cutoff, result), projectionCuts: projectionCuts ?? null, identical, views: diffs },
      `${model.name}: replayed from ${source} (${describeSources(result)})${projectionCuts ? ` to the live checkpoints ${JSON.stringify(projectionCuts)}` : ''}\n${formatDiff(diffs)}`,
    );
    return identical ? 0 : 1;
  } finally {
    await live.close();
    if (!v.schema) await dropSchema(work, schema).catch(() => undefined);
    await work.destroy();
  }
}

/** Where the live model stands: each projection's checkpoint; consumers are compared as of now. */
async function liveCutoffs(
  live: ViewReader,
  model: Parameters<typeof viewsOf>[0],
): Promise<{ cutoff: Cutoff; projectionCuts?: Record<string, number> }> {
  const [{ now }] = await live.query<{ now: Date }>('select now() as now');
  const names = (model.projections ?? []).map((p) => p.name);
  if (!names.length) return { cutoff: { asOf: now.toISOString() } };
  const rows = await live.query<{ projection: string; position: string }>(
    `select projection, position from projection_checkpoint where state = 'active' and projection = any($1::text[])`,
    [names],
  );
  const cuts = Object.fromEntries(rows.map((r) => [r.projection, Number(r.position)]));
  const missing = names.filter((n) => cuts[n] === undefined);
  if (missing.length) throw new UsageError(`the live database has no ${missing.join(', ')} (never run there?)`);
  return { cutoff: model.consumers?.length ? { asOf: now.toISOString() } : {}, projectionCuts: cuts };
}
