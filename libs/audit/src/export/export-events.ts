import type { Kafka } from 'kafkajs';
import type { EventRecord } from '@kompeten/event-store';
import type { AuditTarget } from '../shared/audit-settings';
import type { CheckpointFile } from '../shared/checkpoint-file';
import type { LineSink } from '../shared/line-sink';
import { Progress, ProgressOutput } from '../shared/progress';
import { openSource } from '../sources/open-source';
import { matchesFilter } from '../sources/record-filter';
import type { SourceCursor, SourceKind } from '../sources/record-source';
import type { RecordFilter } from '../sources/store-source';

export interface ExportOptions {
  targets: AuditTarget[];
  source: SourceKind;
  kafka: () => Kafka;
  filter: RecordFilter;
  sink: LineSink;
  checkpoint: CheckpointFile<ExportState>;
  signal?: AbortSignal;
  progress?: ProgressOutput;
}

/** Saved by `--resume`: which service, how far in it, and how many bytes of output that made. */
export interface ExportState {
  target: number;
  cursor: SourceCursor;
  bytes: number;
  exported: number;
}

export interface ExportResult {
  exported: number;
  bytes: number;
  interrupted: boolean;
  services: { service: string; exported: number; lastPosition: number }[];
}

/**
 * One line per stored record: `{"service": …, …the record exactly as stored and hashed…}` — the
 * form docs/audit/verify_export.py re-verifies. Services one after the other, each in position order.
 */
export const exportLine = (service: string, r: EventRecord): string => JSON.stringify({ service, ...r });

/** Streams the selected records of each target to the sink, saving a checkpoint as it goes. */
export async function exportEvents(o: ExportOptions, resume?: ExportState): Promise<ExportResult> {
  const result: ExportResult = { exported: resume?.exported ?? 0, bytes: 0, interrupted: false, services: [] };
  const save = async (target: number, cursor: SourceCursor) => {
    await o.sink.flush();
    o.checkpoint.save({ target, cursor, bytes: o.sink.bytes, exported: result.exported });
  };
  for (let i = resume?.target ?? 0; i < o.targets.length; i++) {
    const target = o.targets[i];
    const source = openSource(o.source, target, o.kafka, { filter: o.filter, bounded: true });
    const from = i === resume?.target ? resume.cursor : { position: 0 };
    const progress = new Progress(`export ${target.service} (${o.source})`, () => source.progress(), o.progress);
    const done = { service: target.service, exported: 0, lastPosition: from.position };
    let lastSave = Date.now();
    for await (const r of source.records(from, o.signal)) {
      done.lastPosition = r.position;
      if (o.source === 'kafka' && !matchesFilter(r, o.filter)) continue;
      await o.sink.line(exportLine(target.service, r));
      done.exported++;
      result.exported++;
      progress.tick();
      if (o.checkpoint.enabled && Date.now() - lastSave > 1000) {
        await save(i, source.cursor());
        lastSave = Date.now();
      }
    }
    progress.finish();
    result.services.push(done);
    if (o.signal?.aborted) {
      await save(i, source.cursor());
      result.interrupted = true;
      break;
    }
    await save(i + 1, { position: 0 });
  }
  await o.sink.flush();
  result.bytes = o.sink.bytes;
  if (!result.interrupted) o.checkpoint.complete();
  return result;
}
