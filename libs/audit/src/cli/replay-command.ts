import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Cutoff } from '../replay/cut-sources';
import { ReadModel, sourcesOf } from '../replay/read-model';
import { ChainBrokenError, replay, ReplayResult } from '../replay/replay-engine';
import { assertSchemaName, dropSchema } from '../replay/replay-schema';
import { renderModel, saveRendered, writeRendered } from '../replay/render-model';
import { ViewReader, viewParams, viewsOf } from '../replay/view-reader';
import { formatOf, writeModel } from '../replay/write-model';
import { redact, UsageError } from '../shared/audit-settings';
import { CheckpointFile } from '../shared/checkpoint-file';
import { openWorkDatabase } from '../shared/work-database';
import { parseSourceKind } from '../sources/open-source';
import type { CliContext } from './cli-context';
import { parseInstant, parseParams, parsePositive } from './cli-options';

/** `--as-of` or `--position` (position only for a model fed by one log). */
export function parseCutoff(ctx: CliContext, model: ReadModel, required: boolean): Cutoff {
  const asOf = parseInstant(ctx.values['as-of'], '--as-of');
  const position = parsePositive(ctx.values.position, '--position');
  if (asOf !== undefined && position !== undefined) throw new UsageError('give --as-of or --position, not both');
  if (required && asOf === undefined && position === undefined)
    throw new UsageError('say when: --as-of <ISO time> or --position <N>');
  if (position !== undefined && sourcesOf(model).length > 1)
    throw new UsageError(
      `${model.name} is fed by several logs (${sourcesOf(model).join(', ')}): positions differ per log, use --as-of`,
    );
  return { ...(asOf !== undefined ? { asOf } : {}), ...(position !== undefined ? { position } : {}) };
}

/** `--source`, or `--from store|kafka` as the issue spells it. */
export function replaySource(ctx: CliContext) {
  const alias = ctx.values.from === 'store' || ctx.values.from === 'kafka' ? ctx.values.from : undefined;
  if (ctx.values.from !== undefined && !alias)
    throw new UsageError('replay takes --source store|kafka (--from is the same here)');
  return parseSourceKind(ctx.values.source ?? alias);
}

export const scratchSchema = (model: ReadModel) =>
  `audit_${model.name.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;

export function replaySummary(model: ReadModel, cutoff: Cutoff, result: ReplayResult) {
  return {
    readModel: model.name,
    service: model.service,
    source: result.run.source,
    cutoff,
    sources: result.sources,
    projections: (model.projections ?? []).map((p) => ({ name: p.name, version: p.version ?? 1 })),
    consumers: (model.consumers ?? []).map((c) => ({ name: c.name, from: c.from })),
    replayedAt: result.run.finishedAt ?? new Date().toISOString(),
  };
}

export function describeSources(result: ReplayResult): string {
  return result.sources
    .map(
      (s) =>
        `${s.service}: ${s.events} event(s) to position ${s.lastPosition} (chain hash ${s.chainHash.slice(0, 16)}…${s.lastRecordedAt ? `, recorded ${s.lastRecordedAt}` : ''})`,
    )
    .join('; ');
}

/** The moment the service's clock would have read: the cut-off, or the last event replayed (a position cut-off). */
function renderedAsOf(cutoff: Cutoff, result: ReplayResult): string {
  const last = result.sources
    .map((s) => s.lastRecordedAt)
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();
  return cutoff.asOf ?? last ?? new Date().toISOString();
}

export async function replayCommand(ctx: CliContext): Promise<number> {
  const v = ctx.values;
  const model = ctx.readModel(ctx.positionals[0]);
  const cutoff = parseCutoff(ctx, model, true);
  const source = replaySource(ctx);
  const named = parseParams(v.param, model.params ?? []);
  const params = viewParams(model, named);
  const out = v.out ? path.resolve(v.out) : undefined;
  if (out) formatOf(out);
  if (!out && !v.schema)
    throw new UsageError('say where: --out <file.ndjson|file.json> and/or --schema <fresh schema name>');
  if (v.schema) assertSchemaName(v.schema);
  const checkpoint = new CheckpointFile<{ schema: string }>(v.resume, 'replay', {
    model: model.name,
    cutoff,
    source,
    out: out ?? null,
    schema: v.schema ?? null,
    targets: (ctx.values['database-url'] ?? []).map(redact),
    topics: ctx.values.topic ?? [],
  });
  const resumed = checkpoint.load();
  const schema = resumed?.schema ?? v.schema ?? scratchSchema(model);
  const scratch = !v.schema;
  const work = await openWorkDatabase(ctx.workDatabaseUrl);
  try {
    if (!resumed) checkpoint.save({ schema });
    let result: ReplayResult;
    try {
      result = await replay({
        model,
        source,
        targets: ctx.targets(model.service),
        kafka: ctx.kafka,
        cutoff,
        work,
        schema,
        resume: Boolean(resumed),
        verify: !v['no-verify'],
        signal: ctx.signal,
        progress: ctx.progress,
      });
    } catch (e) {
      if (scratch && !(e instanceof UsageError)) await dropSchema(work, schema);
      if (e instanceof UsageError && !resumed) checkpoint.complete();
      throw e;
    }
    if (result.interrupted) {
      if (checkpoint.enabled)
        ctx.err(
          `interrupted; run the same command again to continue (progress kept in schema ${schema}, see ${v.resume})`,
        );
      else {
        if (scratch) await dropSchema(work, schema);
        ctx.err(
          `interrupted${scratch ? '' : `; schema ${schema} holds a partial replay`} (use --resume FILE to be able to continue)`,
        );
      }
      return 130;
    }
    const meta = replaySummary(model, cutoff, result);
    const fileMeta = { ...meta, params: Object.fromEntries((model.params ?? []).map((p, i) => [p, params[i]])) };
    let counts: Record<string, number> = {};
    try {
      if (model.render) {
        const rendered = await renderModel(
          ctx.workDatabaseUrl,
          schema,
          model.render,
          named,
          renderedAsOf(cutoff, result),
        );
        if (out) await writeRendered(out, fileMeta, model.render.name, rendered);
        if (!scratch) await saveRendered(work, schema, model.render.name, rendered);
      } else if (out) {
        const reader = await ViewReader.open(ctx.workDatabaseUrl, schema);
        try {
          counts = await writeModel(out, fileMeta, await viewsOf(model, reader, schema), reader, params);
        } finally {
          await reader.close();
        }
      }
    } finally {
      if (scratch) await dropSchema(work, schema);
    }
    checkpoint.complete();
    const written = model.render
      ? model.render.name
      : Object.entries(counts)
          .map(([view, n]) => `${view}: ${n} rows`)
          .join(', ');
    const where = [out && `${out} (${written})`, !scratch && `schema ${schema} of ${redact(ctx.workDatabaseUrl)}`]
      .filter(Boolean)
      .join(' and ');
    ctx.report(
      {
        ...meta,
        schema: scratch ? null : schema,
        out: out ?? null,
        rows: counts,
        rendered: model.render?.name ?? null,
      },
      `replayed ${model.name} ${cutoff.asOf ? `as of ${cutoff.asOf}` : `to position ${cutoff.position}`} from ${source}: ${describeSources(result)}\nwritten to ${where}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ChainBrokenError) {
      ctx.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await work.destroy();
  }
}
