import path from 'node:path';
import { exportEvents, ExportState } from '../export/export-events';
import { AUDITED_SERVICES, parseService, redact } from '../shared/audit-settings';
import { CheckpointFile } from '../shared/checkpoint-file';
import { LineSink } from '../shared/line-sink';
import { parseSourceKind } from '../sources/open-source';
import type { RecordFilter } from '../sources/store-source';
import type { CliContext } from './cli-context';
import { parseInstant } from './cli-options';

export async function exportCommand(ctx: CliContext): Promise<number> {
  const v = ctx.values;
  const own = parseService(v.service);
  const resolve = ctx.targets(own);
  const services = own ? [own] : AUDITED_SERVICES;
  const filter: RecordFilter = {
    ...(v.stream ? { streamId: v.stream } : {}),
    ...(v.type?.length ? { types: v.type } : {}),
    ...(v.from ? { recordedFrom: parseInstant(v.from, '--from') } : {}),
    ...(v.to ? { recordedTo: parseInstant(v.to, '--to') } : {}),
  };
  const source = parseSourceKind(v.source);
  const out = v.out ? path.resolve(v.out) : undefined;
  const targets = services.map(resolve);
  const checkpoint = new CheckpointFile<ExportState>(v.resume, 'export', {
    targets: targets.map((t) => [t.service, redact(t.databaseUrl), t.topic]),
    filter,
    source,
    out: out ?? '-',
  });
  const resume = checkpoint.load();
  const sink = out ? LineSink.toFile(out, resume?.bytes) : LineSink.toStream(ctx.io.stdout);
  let result;
  try {
    result = await exportEvents(
      { targets, source, kafka: ctx.kafka, filter, sink, checkpoint, signal: ctx.signal, progress: ctx.progress },
      resume,
    );
  } finally {
    await sink.close();
  }
  const summary = `exported ${result.exported} event(s), ${result.bytes} bytes${out ? ` to ${out}` : ''} (${result.services.map((s) => `${s.service}: ${s.exported}`).join(', ')})`;
  const say = (text: string) => (out ? ctx.out(text) : ctx.err(text));
  say(ctx.json ? JSON.stringify(result) : summary);
  if (result.interrupted) {
    ctx.err(
      checkpoint.enabled
        ? `interrupted; run the same command again to continue from ${v.resume}`
        : 'interrupted; the output is incomplete (use --resume FILE to be able to continue)',
    );
    return 130;
  }
  return 0;
}
