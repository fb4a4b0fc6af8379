import type { QueryRunner } from 'typeorm';
import type { StaffEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import { positionKey } from '../position-standard/required-level';

/** The enrolment events that say who works where, in which position. */
export const STAFF_ROSTER_EVENTS = ['StaffRegistered', 'StaffTransferred', 'StaffLeft'];

/** Keeps `staff_roster` (no names) from the enrolment topic; a transfer or departure of someone never registered changes nothing. */
export async function applyToStaffRoster(stored: StoredEvent, tx: QueryRunner): Promise<void> {
  const e = { type: stored.type, data: stored.data } as StaffEvent;
  switch (e.type) {
    case 'StaffRegistered': {
      const d = e.data;
      await tx.query(
        `insert into staff_roster (nip, employment_type, opd, service_unit, position, position_key, status)
        values ($1, $2, $3, $4, $5, $6, 'active') on conflict (nip) do nothing`,
        [d.nip, d.employmentType, d.workUnit.opd, d.workUnit.serviceUnit ?? null, d.position, positionKey(d.position)],
      );
      return;
    }
    case 'StaffTransferred': {
      const d = e.data;
      await tx.query(
        'update staff_roster set opd = $2, service_unit = $3, position = $4, position_key = $5 where nip = $1',
        [d.nip, d.to.opd, d.to.serviceUnit ?? null, d.position, positionKey(d.position)],
      );
      return;
    }
    case 'StaffLeft':
      await tx.query(`update staff_roster set status = 'left', left_on = $2 where nip = $1`, [
        e.data.nip,
        e.data.effectiveOn,
      ]);
      return;
  }
}
