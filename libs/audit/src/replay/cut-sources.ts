import type { EventProducingService } from '@kompeten/contracts';
import type { EventRecord } from '@kompeten/event-store';
import type { RecordSource, SourceCursor } from '../sources/record-source';

/** A replay stops each log at a position (the model's own service only) or at a moment (every log). */
export interface Cutoff {
  position?: number;
  /** ISO 8601 UTC with milliseconds, as recordedAt is written. */
  asOf?: string;
}

export interface SourcedRecord {
  service: EventProducingService;
  record: EventRecord;
  /** The source's cursor right after this record: where a resumed replay picks up. */
  cursor: SourceCursor;
}

/**
 * A log up to its cut-off: the first record recorded after `asOf` ends it (so the replay shows a
 * prefix of the log — a state that existed — even if a clock stepped back), as does `position`.
 */
export async function* cut(
  service: EventProducingService,
  source: RecordSource,
  from: SourceCursor,
  cutoff: Cutoff,
  signal?: AbortSignal,
): AsyncGenerator<SourcedRecord> {
  if (cutoff.position !== undefined && from.position >= cutoff.position) return;
  for await (const record of source.records(from, signal)) {
    if (cutoff.asOf !== undefined && record.recordedAt > cutoff.asOf) return;
    yield { service, record, cursor: source.cursor() };
    if (cutoff.position !== undefined && record.position >= cutoff.position) return;
  }
}

/**
 * Several services' logs as one, in recordedAt order (ties: in the order given), one record ahead
 * per log. Consumers in the live system see other services' events in no fixed order; replaying by
 * time is a deterministic choice that the consumers' order-tolerance makes safe.
 */
export async function* mergeByTime(logs: AsyncGenerator<SourcedRecord>[]): AsyncGenerator<SourcedRecord> {
  if (logs.length === 1) {
    yield* logs[0];
    return;
  }
  try {
    const heads = await Promise.all(logs.map((l) => l.next()));
    for (;;) {
      let best = -1;
      for (let i = 0; i < logs.length; i++) {
        const h = heads[i];
        if (!h.done && (best < 0 || h.value.record.recordedAt < (heads[best].value as SourcedRecord).record.recordedAt))
          best = i;
      }
      if (best < 0) return;
      yield heads[best].value as SourcedRecord;
      heads[best] = await logs[best].next();
    }
  } finally {
    await Promise.all(logs.map((l) => l.return(undefined)));
  }
}
