import type { Kafka } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EventProducingService } from '@kompeten/contracts';
import { ChainBreak, EventOpener } from '@kompeten/event-store';
import { ChainWalker, GENESIS } from '../chain/chain-walker';
import type { AuditTarget } from '../shared/audit-settings';
import { Progress, ProgressOutput } from '../shared/progress';
import { openSource } from '../sources/open-source';
import type { RecordSource, SourceKind } from '../sources/record-source';
import { serviceUpcasters } from './contract-upcasters';
import { cut, Cutoff, mergeByTime, SourcedRecord } from './cut-sources';
import { ReadModel, sourcesOf } from './read-model';
import { inSchema, openReplaySchema, ReplayRun, saveValue, SourceState } from './replay-schema';

export interface ReplayOptions {
  model: ReadModel;
  source: SourceKind;
  /** Where each service's log lives. */
  targets: (service: EventProducingService) => AuditTarget;
  kafka: () => Kafka;
  cutoff: Cutoff;
  /** Per projection, the last position to apply (diff: the live table's checkpoint). */
  projectionCuts?: Record<string, number>;
  work: DataSource;
  schema: string;
  resume?: boolean;
  /** Recompute the hash chain of every log read, and refuse to replay past a break (default true). */
  verify?: boolean;
  batchSize?: number;
  signal?: AbortSignal;
  progress?: ProgressOutput;
}

export interface ReplayedSource {
  service: string;
  events: number;
  lastPosition: number;
  /** The chain hash at lastPosition: ties the replayed state to a verified head. */
  chainHash: string;
  lastRecordedAt?: string;
}

export interface ReplayResult {
  schema: string;
  interrupted: boolean;
  run: ReplayRun;
  sources: ReplayedSource[];
}

export class ChainBrokenError extends Error {
  constructor(
    readonly service: string,
    readonly source: SourceKind,
    readonly chainBreak: ChainBreak,
  ) {
    super(
      `${service}'s log from ${source} breaks at position ${chainBreak.position} (${chainBreak.reason}): ${chainBreak.detail}; run \`audit verify\` — a replay past a break would show a state nobody can vouch for`,
    );
    this.name = 'ChainBrokenError';
  }
}

/**
 * Rebuilds a read model in its own schema from the chosen copy of the logs, up to the cut-off:
 * each batch of events is applied and the replay's position saved in one transaction (so an
 * interrupted replay resumes exactly where it stopped). Streams: one batch in memory at a time.
 */
export async function replay(o: ReplayOptions): Promise<ReplayResult> {
  const { model } = o;
  const services = sourcesOf(o.model);
  const runInfo: ReplayRun = {
    readModel: model.name,
    source: o.source,
    cutoff: o.cutoff,
    ...(o.projectionCuts ? { projectionCuts: o.projectionCuts } : {}),
    startedAt: new Date().toISOString(),
  };
  const { run, states } = await openReplaySchema(o.work, o.schema, model, runInfo, Boolean(o.resume));
  const sources = new Map<EventProducingService, RecordSource>();
  const walkers = new Map<EventProducingService, ChainWalker>();
  const state = new Map<EventProducingService, SourceState>();
  const logs = services.map((service) => {
    const saved = states.get(service) ?? { cursor: { position: 0 }, chain: GENESIS, events: 0 };
    state.set(service, saved);
    walkers.set(service, new ChainWalker(saved.chain));
    const source = openSource(o.source, o.targets(service), o.kafka, { bounded: true });
    sources.set(service, source);
    return cut(service, source, saved.cursor, cutoffFor(o, service), o.signal);
  });
  const openers = new Map(services.map((s) => [s, new EventOpener(model.upcasters?.[s] ?? serviceUpcasters(s))]));
  const progress = new Progress(`replay ${model.name} (${o.source})`, () => total([...sources.values()]), o.progress);
  const batchSize = o.batchSize ?? 1000;
  let batch: SourcedRecord[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await inSchema(o.work, o.schema, (tx) => applyBatch(o, tx, batch, openers, state));
    progress.tick(batch.length);
    batch = [];
  };
  for await (const item of mergeByTime(logs)) {
    if (o.verify !== false) {
      const broken = walkers.get(item.service)!.check(item.record);
      if (broken) {
        await flush();
        progress.finish();
        throw new ChainBrokenError(item.service, o.source, broken);
      }
    }
    batch.push(item);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  progress.finish();
  const interrupted = Boolean(o.signal?.aborted);
  if (!interrupted) {
    run.finishedAt = new Date().toISOString();
    await inSchema(o.work, o.schema, (tx) => saveValue(tx, 'run', run));
  }
  return {
    schema: o.schema,
    interrupted,
    run,
    sources: services.map((service) => {
      const s = state.get(service)!;
      return {
        service,
        events: s.events,
        lastPosition: s.chain.position,
        chainHash: s.chain.hash,
        ...(s.lastRecordedAt ? { lastRecordedAt: s.lastRecordedAt } : {}),
      };
    }),
  };
}

/** Position cut-offs are positions in one log: they apply to the model's own service only. */
function cutoffFor(o: ReplayOptions, service: EventProducingService): Cutoff {
  if (service !== o.model.service) return { asOf: o.cutoff.asOf };
  const cuts = Object.values(o.projectionCuts ?? {});
  const position = cuts.length ? Math.max(...cuts) : o.cutoff.position;
  return { asOf: o.cutoff.asOf, ...(position !== undefined ? { position } : {}) };
}

async function applyBatch(
  o: ReplayOptions,
  tx: QueryRunner,
  batch: SourcedRecord[],
  openers: Map<EventProducingService, EventOpener>,
  state: Map<EventProducingService, SourceState>,
) {
  const { model } = o;
  const wanted = (item: SourcedRecord) =>
    (item.service === model.service && (model.projections?.length ?? 0) > 0) ||
    (model.consumers ?? []).some((c) => c.from === item.service && c.handle.eventTypes.includes(item.record.type));
  const toOpen = batch.filter(wanted);
  const opened = new Map<string, Awaited<ReturnType<EventOpener['open']>>[number]>();
  for (const [service, opener] of openers) {
    const mine = toOpen.filter((i) => i.service === service).map((i) => i.record);
    if (mine.length) for (const e of await opener.open(mine)) opened.set(`${service}:${e.position}`, e);
  }
  for (const item of batch) {
    const event = opened.get(`${item.service}:${item.record.position}`);
    if (event && item.service === model.service) {
      for (const p of model.projections ?? []) {
        if (event.position <= (o.projectionCuts?.[p.name] ?? Infinity)) await p.apply(event, tx, p.name);
      }
    }
    if (event)
      for (const c of model.consumers ?? [])
        if (c.from === item.service && c.handle.eventTypes.includes(event.type)) await c.handle(event, tx);
    const s = state.get(item.service)!;
    s.cursor = item.cursor;
    s.chain = { position: item.record.position, hash: item.record.hash };
    s.events++;
    s.lastRecordedAt = item.record.recordedAt;
  }
  for (const service of new Set(batch.map((i) => i.service)))
    await saveValue(tx, `source:${service}`, state.get(service));
}

function total(sources: RecordSource[]): { done: number; total: number } {
  return sources.reduce(
    (acc, s) => {
      const p = s.progress();
      return { done: acc.done + p.done, total: acc.total + p.total };
    },
    { done: 0, total: 0 },
  );
}
