import type { DomainEvent, EventRecord, StoredEvent } from './event-envelope';
import type { PersonalKeyStore } from '../personal-data/personal-key-store';
import { fieldAad, isSealed, openField } from '../personal-data/sealed-field';
import { UpcasterRegistry } from '../upcasting/upcasters';

/**
 * Turns stored records into what readers see: personal fields decrypted (or null and listed in
 * `erased` when the key is gone or not ours), then upcast to the current schema version.
 */
export class EventOpener {
  constructor(
    private readonly upcasters = new UpcasterRegistry(),
    private readonly keys?: PersonalKeyStore,
  ) {}

  async open<E extends DomainEvent = DomainEvent>(records: EventRecord[]): Promise<StoredEvent<E>[]> {
    const subjects = new Set<string>();
    for (const r of records)
      for (const v of Object.values(asObject(r.payload))) if (isSealed(v)) subjects.add(v.$personal.subject);
    const keys = this.keys && subjects.size ? await this.keys.keysFor([...subjects]) : new Map<string, Buffer>();
    return records.map((r) => this.openOne<E>(r, keys));
  }

  private openOne<E extends DomainEvent>(r: EventRecord, keys: Map<string, Buffer>): StoredEvent<E> {
    const payload = { ...asObject(r.payload) };
    const erased: string[] = [];
    for (const [field, value] of Object.entries(payload)) {
      if (!isSealed(value)) continue;
      const key = keys.get(value.$personal.subject);
      if (key) payload[field] = openField(value, key, fieldAad(r.eventId, field));
      else {
        payload[field] = null;
        erased.push(field);
      }
    }
    const { schemaVersion, data } = this.upcasters.upcast(
      r.type,
      r.schemaVersion,
      r.payload === null || typeof r.payload !== 'object' ? r.payload : payload,
    );
    return {
      eventId: r.eventId,
      type: r.type,
      schemaVersion,
      streamId: r.streamId,
      streamVersion: r.streamVersion,
      position: r.position,
      occurredAt: r.occurredAt,
      recordedAt: r.recordedAt,
      metadata: r.metadata,
      data,
      ...(erased.length ? { erased } : {}),
      prevHash: r.prevHash,
      hash: r.hash,
    };
  }
}

const asObject = (payload: unknown): Record<string, unknown> =>
  payload !== null && typeof payload === 'object' && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
