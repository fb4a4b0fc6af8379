import { UnknownSchemaVersionError } from '../store/errors';

/** Turns one stored schema version of an event type into the next. Stored events are never rewritten. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: any): any; // eslint-disable-line @typescript-eslint/no-explicit-any
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
      value = step.upcast(value);
      version++;
    }
    return { schemaVersion: version, data: value };
  }
}
