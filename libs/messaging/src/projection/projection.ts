import type { QueryRunner } from 'typeorm';
import type { DomainEvent, StoredEvent } from '@kompeten/event-store';

/**
 * A read model built from the service's own event log. Readers query the view `name`; the runner
 * keeps it pointed at the active physical table `<name>__v<n>` and swaps it after a rebuild.
 * Write one with `projection()`, which types each handler by its event and derives `eventTypes`.
 */
export interface Projection<E extends DomainEvent = DomainEvent> {
  /** Lowercase SQL identifier (letters, digits, `_`, at most 50 characters): the view readers query. */
  name: string;
  /** Bump when createTable or apply change meaning: a started runner then rebuilds into a fresh table. Default 1. */
  version?: number;
  /** The event types it reads: the runner opens and applies only these. Absent: every type. */
  readonly eventTypes?: readonly E['type'][];
  /** Creates the physical table (and its indexes) under the given name. */
  createTable(tx: QueryRunner, tableName: string): Promise<void>;
  /**
   * Applies one event to the given table within the runner's transaction (an event of a type it does
   * not read changes nothing). Must depend only on the events (no clock, no other tables that
   * change), so that a rebuild reproduces the live table.
   */
  apply(event: StoredEvent, tx: QueryRunner, tableName: string): Promise<void>;
  /**
   * Optional: applies a batch of events (in log order) with the same effect as `apply` on each in
   * turn, in fewer statements. The runner uses it when present: one statement per event is what
   * bounds a rebuild (BENCHMARKS.md, projection-rebuild).
   */
  applyBatch?(events: StoredEvent[], tx: QueryRunner, tableName: string): Promise<void>;
}

const NAME = /^[a-z][a-z0-9_]{0,49}$/;

export function assertProjectionName(name: string): void {
  if (!NAME.test(name) || name.includes('__')) {
    throw new Error(
      `projection name ${JSON.stringify(name)} must be a lowercase identifier of at most 50 characters without "__"`,
    );
  }
}

/** The physical table of one generation; the view is the projection's name itself. */
export const physicalTable = (name: string, generation: number) => `${name}__v${generation}`;

/** Double-quoted identifier (names are validated, quoting keeps reserved words safe). */
export const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
