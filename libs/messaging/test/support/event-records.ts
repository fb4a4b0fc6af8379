import { v7 as uuidv7 } from 'uuid';
import { EventRecord, eventHash, GENESIS_HASH } from '@kompeten/event-store';

/** Object Mother for stored records: a valid, correctly hashed record unless told otherwise. */
export function aRecord(overrides: Partial<EventRecord> = {}): EventRecord {
  const base = {
    position: 1,
    eventId: uuidv7(),
    streamId: 'staff-198609262015051001',
    streamVersion: 1,
    type: 'StaffRegistered',
    schemaVersion: 1,
    occurredAt: '2025-01-06T01:02:03.000Z',
    recordedAt: '2025-01-06T01:02:04.000Z',
    metadata: { actor: 'user:bkpsdm-1', correlationId: 'c0ffee00-0000-7000-8000-000000000001', causationId: null },
    payload: { nip: '198609262015051001', workUnit: 'Puskesmas Gulai Bancah' },
    ...overrides,
  };
  const prevHash = overrides.prevHash ?? GENESIS_HASH;
  return { ...base, prevHash, hash: overrides.hash ?? eventHash(prevHash, base) };
}
