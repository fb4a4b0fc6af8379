import type { DataSource } from 'typeorm';
import type { StaffRegistered } from '@kompeten/contracts';
import { EventStore, RECORD_COLUMNS, toRecord, type EventRow } from '@kompeten/event-store';
import { staffStreamId } from '../../staff/staff.decider';

/**
 * The names of these staff members, read from the log where they are kept encrypted (no read model
 * holds a name: erasing a person's key must leave none behind). One query for the page's
 * registrations, one for their keys; an erased person's name is null.
 */
export async function staffNames(
  db: DataSource,
  store: EventStore,
  nips: string[],
): Promise<Map<string, string | null>> {
  if (nips.length === 0) return new Map();
  const rows = await db.query<EventRow[]>(
    `select ${RECORD_COLUMNS} from es_event where stream_id = any($1::text[]) and type = 'StaffRegistered'`,
    [nips.map(staffStreamId)],
  );
  const registrations = await store.open<StaffRegistered>(rows.map(toRecord));
  return new Map(registrations.map((e) => [e.data.nip, e.data.name ?? null]));
}
