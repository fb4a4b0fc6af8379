import type { DataSource } from 'typeorm';
import type { EventProducingService } from '@kompeten/contracts';
import { UsageError } from '../shared/audit-settings';
import type { ReadModel, ReadModelRender, ReplayedTables } from './read-model';
import { serviceRefusal } from './query-use-case';

// A service's audit entry point (services/<service>/src/<service>.audit.ts) says what an auditor's
// replay can rebuild from its events: its read models — the service's own projections, the handlers
// of its consumers of other services' topics with the migrations creating their tables, the views an
// auditor sees — and the figures it computes on request, run by its own handlers. The audit tool
// (tools/audit) imports every service's entry point; libraries may not import services, so the
// types live here and the catalogue is put together there.

/** The service's clock as a handler asks it (the shape of @kompeten/platform's `Clock`). */
export interface FigureClock {
  now(): Date;
}

/** What a figure's code is given: the replay, as the service's own handler sees its world. */
export interface FigureRequest {
  /**
   * The replayed tables behind the service's DataSource: `query` runs in the replay's read-only
   * snapshot, whose search_path finds the replayed tables by the names the service gives them.
   * Only `query` is offered (all a reader needs); anything else is refused by name.
   */
  db: DataSource;
  /** The service's clock, reading the cut-off: "the current quarter" is the cut-off's. */
  clock: FigureClock;
  /** The `--param` values by name (those the read model's `params` lists). */
  params: Record<string, string>;
}

/** A figure the service computes on request (a scorecard, a report) rather than stores. */
export interface ServiceFigure {
  /** The key the result is written under: `{"meta": …, "<name>": result}`. */
  name: string;
  /**
   * What the service answers, computed by its own handler (see `runQueryUseCase`). Throw what the
   * service throws: its DomainError, its validation's 400. They become the CLI's usage errors.
   */
  run(request: FigureRequest): Promise<unknown>;
}

/** A read model as its service's audit entry point declares it (the service is the entry point's). */
export interface ReadModelEntry extends Omit<ReadModel, 'service' | 'render'> {
  /** Written instead of views by `replay --out`: a figure the service computes over the replayed tables. */
  figure?: ServiceFigure;
}

/** What one service offers the auditors' replay: `<service>Audit` in services/<service>/src/<service>.audit.ts. */
export interface ServiceAuditEntry<S extends EventProducingService = EventProducingService> {
  service: S;
  /** In the order `audit read-models` lists them; each one's `service` is this one. */
  readModels: readonly ReadModel[];
}

/** A service's audit entry point from its read models. */
export function serviceAudit<S extends EventProducingService>(
  service: S,
  readModels: readonly ReadModelEntry[],
): ServiceAuditEntry<S> {
  return {
    service,
    readModels: readModels.map(({ figure, ...model }) => ({
      ...model,
      service,
      ...(figure ? { render: figureRender(service, figure) } : {}),
    })),
  };
}

/** The audit tool's catalogue: every service's read models, in the order given; a name used twice is refused. */
export function readModelCatalogue(entries: readonly ServiceAuditEntry[]): ReadModel[] {
  const models = entries.flatMap((e) => e.readModels);
  const names = models.map((m) => m.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`read models named twice in the audit catalogue: ${twice.join(', ')}`);
  return models;
}

/**
 * The replayed tables as a TypeORM DataSource, for the service's readers: they only call `query`
 * (the services' read side is plain SQL), so that is all this offers; any other member they ask for
 * fails loudly, naming it, rather than quietly reading something else.
 */
export function replayDataSource(tables: ReplayedTables): DataSource {
  const offered: Pick<DataSource, 'query'> = {
    // DataSource.query is generic in its answer's row type; the rows are what Postgres returns.
    query: <T>(sql: string, parameters?: unknown[]) => tables.query(sql, parameters) as Promise<T>,
  };
  return new Proxy(offered as DataSource, {
    get(target, key, receiver) {
      if (key === 'query' || typeof key === 'symbol' || key === 'then')
        return Reflect.get(target, key, receiver) as unknown;
      throw new Error(`an audit replay offers the service's code DataSource.query only, not DataSource.${key}`);
    },
  });
}

/**
 * The render the replay runs for a figure: the replayed tables behind a DataSource, a clock stopped
 * at the cut-off, and the service's refusals turned into the CLI's — a 400 names the parameter, any
 * other answer (say a 404 for a unit not yet registered at the cut-off) says what the service would
 * have answered then. Anything else (a bug, a lost connection) is left as it is: exit 3.
 */
function figureRender(service: EventProducingService, figure: ServiceFigure): ReadModelRender {
  return {
    name: figure.name,
    async run(tables, { params, asOf }) {
      try {
        return await figure.run({ db: replayDataSource(tables), clock: { now: () => new Date(asOf) }, params });
      } catch (e) {
        const problem = await serviceRefusal(e);
        if (!problem) throw e;
        if (problem.status === 400) {
          const errors = problem.errors ?? [{ field: '?', message: problem.detail ?? problem.title }];
          throw new UsageError(errors.map((x) => `--param ${x.field}: ${x.message}`).join('; '));
        }
        throw new UsageError(
          `as of ${asOf} the ${service} service would have answered ${problem.status}: ${problem.detail ?? problem.title}`,
        );
      }
    },
  };
}
