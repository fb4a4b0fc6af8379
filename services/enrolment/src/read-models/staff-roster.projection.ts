import type { StaffEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * One row per staff member: where they work now, since when, and whether they still do. No names
 * here — personal data stays encrypted in the log (the profile query opens it), so erasure needs no
 * cleanup. Dates are the business's (`registered_on`: began serving the city; `position_since`: took
 * up the current position, moved by a transfer that changes the position).
 */
export const staffRosterProjection = projection<StaffEvent>({
  name: 'staff_roster',
  // v2: position_since.
  version: 2,
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      nip text primary key, employment_type text not null, opd text not null, service_unit text,
      position text not null, status text not null, registered_on date not null, position_since date not null,
      left_on date, departure_reason text)`);
    await tx.query(`create index on "${t}" (opd, service_unit)`);
  },
  on: {
    StaffRegistered: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (nip, employment_type, opd, service_unit, position, status, registered_on, position_since)
        values ($1, $2, $3, $4, $5, 'active', $6, coalesce($7::date, $6::date))`,
        [
          d.nip,
          d.employmentType,
          d.workUnit.opd,
          d.workUnit.serviceUnit ?? null,
          d.position,
          d.registeredOn,
          // v1 events are upcast with it; should a reader's contract lack it anyway, it is registeredOn.
          d.positionSince,
        ],
      ),
    // Columns on the right read the row as it was: the position changed, so it began on effectiveOn.
    StaffTransferred: ({ data: d }, tx, t) =>
      tx.query(
        `update "${t}" set opd = $2, service_unit = $3, position = $4,
           position_since = case when position is distinct from $4 then $5::date else position_since end
         where nip = $1`,
        [d.nip, d.to.opd, d.to.serviceUnit ?? null, d.position, d.effectiveOn],
      ),
    StaffLeft: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'left', left_on = $2, departure_reason = $3 where nip = $1`, [
        d.nip,
        d.effectiveOn,
        d.reason,
      ]),
  },
});
