import type { StaffEvent } from '@kompeten/contracts';
import { eventHandler } from '@kompeten/messaging';
import { positionKey } from '../position-standard/required-level';

/** Keeps `staff_roster` (no names) from the enrolment topic; a transfer or departure of someone never registered changes nothing. */
export const applyToStaffRoster = eventHandler<StaffEvent>({
  StaffRegistered: ({ data: d }, tx) =>
    tx.query(
      `insert into staff_roster (nip, employment_type, opd, service_unit, position, position_key, status)
      values ($1, $2, $3, $4, $5, $6, 'active') on conflict (nip) do nothing`,
      [d.nip, d.employmentType, d.workUnit.opd, d.workUnit.serviceUnit ?? null, d.position, positionKey(d.position)],
    ),
  StaffTransferred: ({ data: d }, tx) =>
    tx.query('update staff_roster set opd = $2, service_unit = $3, position = $4, position_key = $5 where nip = $1', [
      d.nip,
      d.to.opd,
      d.to.serviceUnit ?? null,
      d.position,
      positionKey(d.position),
    ]),
  StaffLeft: ({ data: d }, tx) =>
    tx.query(`update staff_roster set status = 'left', left_on = $2 where nip = $1`, [d.nip, d.effectiveOn]),
});
