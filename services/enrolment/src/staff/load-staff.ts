import type { StaffEvent } from '@kompeten/contracts';
import { DomainError, fold } from '@kompeten/domain';
import type { EventStore } from '@kompeten/event-store';
import { staffDecider, staffStreamId } from './staff.decider';

/** A staff member as their stream says now (unit, status), for a use case that acts on them elsewhere. */
export async function loadStaff(store: EventStore, nip: string) {
  const staff = fold(
    staffDecider,
    (await store.readStream<StaffEvent>(staffStreamId(nip))).map(({ type, data }) => ({ type, data }) as StaffEvent),
  );
  if (staff.status === 'unknown')
    throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
  return staff;
}
