import type { MigrationInterface } from 'typeorm';
import type { EventProducingService } from '@kompeten/contracts';
import type { UpcasterRegistry } from '@kompeten/event-store';
import type { EventHandler, Projection } from '@kompeten/messaging';

/** A consumer's handler as `eventHandler()` builds it: it names the event types it applies. */
export type TypedEventHandler = EventHandler & { readonly eventTypes: readonly string[] };

/** A read model another service's events feed (a consumer of that topic), in tables of fixed names. */
export interface ConsumerPart {
  /** Names the part in reports. */
  name: string;
  from: EventProducingService;
  /**
   * The very handler the live consumer runs. A replay hands it only the types it names
   * (`handle.eventTypes`) and skips the others unopened, as the consumer does.
   */
  handle: TypedEventHandler;
}

/** What the auditor sees of a read model: rows of one query over its tables, in key order. */
export interface ReadModelView {
  name: string;
  /** SQL over the model's tables, named as the service names them (a projection by its view name). `$1…` are the model's params. */
  sql: string;
  /** Columns that identify a row (for order and diff). */
  key: string[];
}

/** The tables of a replay, as the service's readers query them (the shape of TypeORM's `DataSource.query`). */
export interface ReplayedTables {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/**
 * A figure the service computes from its read models rather than stores (a scorecard, a report):
 * the service's own query code, run over the replayed tables. Its result is written instead of views.
 */
export interface ReadModelRender {
  /** The key the result is written under: `{"meta": …, "<name>": result}`. */
  name: string;
  /**
   * What the service's query answers over `db`, as it would have at `asOf` (its clock, for defaults
   * like "the current quarter"). `params` are the `--param` values by name; refuse bad ones with UsageError.
   */
  run(db: ReplayedTables, request: { params: Record<string, string>; asOf: string }): Promise<unknown>;
}

/**
 * A read model an auditor can rebuild: the service's own projections (the very objects its
 * ProjectionRunner applies), and any consumers of other services' topics with the migrations
 * that create their tables. A replay runs today's code over the events as they were recorded.
 */
export interface ReadModel {
  /** What the auditor types: `replay <name>`. */
  name: string;
  description: string;
  /** The service whose database holds the live model. */
  service: EventProducingService;
  projections?: Projection[];
  consumers?: ConsumerPart[];
  /** Create the consumers' tables (the owning service's migrations). */
  migrations?: (new () => MigrationInterface)[];
  /** Upcasters per producing service; default: the service's contracts in libs/contracts, with their upcasters (`serviceUpcasters`). */
  upcasters?: Partial<Record<EventProducingService, UpcasterRegistry>>;
  /** Parameter names the views take as `$1, $2 …` (`--param nip=…`); an absent one is null. */
  params?: string[];
  /** Default: each projection's table, keyed by its primary key. */
  views?: ReadModelView[];
  /** Written instead of the views by `replay --out` (and saved in a kept schema). */
  render?: ReadModelRender;
}

/** The services whose logs a replay of this model reads: its own first, then the consumers' sources. */
export function sourcesOf(model: ReadModel): EventProducingService[] {
  const services = new Set<EventProducingService>();
  if (model.projections?.length) services.add(model.service);
  for (const c of model.consumers ?? []) services.add(c.from);
  return [...services];
}

export function describeModel(m: ReadModel): string {
  let parts: string[];
  try {
    parts = [
      ...(m.projections ?? []).map((p) => `${p.name} (v${p.version ?? 1})`),
      ...(m.consumers ?? []).map((c) => `${c.name} ← ${c.from}`),
    ];
  } catch (e) {
    parts = [`cannot be loaded: ${(e as Error).message.split('\n')[0]}`]; // e.g. the service is not built
  }
  return `${m.name.padEnd(22)} ${m.service.padEnd(11)} ${m.description}${parts.length ? ` [${parts.join(', ')}]` : ''}${m.params?.length ? ` params: ${m.params.join(', ')}` : ''}`;
}
