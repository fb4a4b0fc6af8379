import { UnknownSchemaVersionError } from '../store/errors';

/**
 * Turns one stored schema version of an event type into the next. Stored events are never rewritten.
 * `From` is the data as version `fromVersion` holds it: a JSON object for every event the store
 * writes (name a narrower shape where the upcaster is declared, e.g. `Upcaster<{ nama: string }>`).
 */
export interface Upcaster<From = Record<string, unknown>, To = unknown> {
  type: string;
  fromVersion: number;
  upcast(data: From): To;
}

/** The current schema version of each event type, and the upcasters that lead there. */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(
    private readonly currentVersions: Record<string, number> = {},
    upcasters: Upcaster[] = [],
  ) {
    for (const u of upcasters) this.byKey.set(`${u.type}@${u.fromVersion}`, u);
  }

  currentVersion(type: string): number {
    return this.currentVersions[type] ?? 1;
  }

  /** Applies upcasters step by step, v1 → v2 → … → current. A version from the future is refused. */
  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const current = this.currentVersion(type);
    if (schemaVersion > current || schemaVersion < 1) throw new UnknownSchemaVersionError(type, schemaVersion, current);
    let version = schemaVersion;
    let value = data;
    while (version < current) {
      const step = this.byKey.get(`${type}@${version}`);
      if (!step) throw new UnknownSchemaVersionError(type, schemaVersion, current);
      // Each step's input is the previous step's output, which no single static type describes:
      // the registry hands it on as it is, and each upcaster states what its version holds.
      value = step.upcast(value as Record<string, unknown>);
      version++;
    }
    return { schemaVersion: version, data: value };
  }
}
