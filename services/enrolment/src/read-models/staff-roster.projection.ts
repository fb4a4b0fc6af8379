import type { QueryRunner } from 'typeorm';
import type { StaffEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/**
 * One row per staff member: where they work now and whether they still do. No names here —
 * personal data stays encrypted in the log (the profile query opens it), so erasure needs no cleanup.
 */
export const staffRosterProjection: Projection = {
  name: 'staff_roster',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      nip text primary key, employment_type text not null, opd text not null, service_unit text,
      position text not null, status text not null, registered_on date not null, left_on date, departure_reason text)`);
    await tx.query(`create index on "${t}" (opd, service_unit)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as StaffEvent;
    switch (e.type) {
      case 'StaffRegistered': {
        const d = e.data;
        await tx.query(
          `insert into "${t}" (nip, employment_type, opd, service_unit, position, status, registered_on)
          values ($1, $2, $3, $4, $5, 'active', $6)`,
          [d.nip, d.employmentType, d.workUnit.opd, d.workUnit.serviceUnit ?? null, d.position, d.registeredOn],
        );
        return;
      }
      case 'StaffTransferred':
        await tx.query(`update "${t}" set opd = $2, service_unit = $3, position = $4 where nip = $1`, [
          e.data.nip,
          e.data.to.opd,
          e.data.to.serviceUnit ?? null,
          e.data.position,
        ]);
        return;
      case 'StaffLeft':
        await tx.query(`update "${t}" set status = 'left', left_on = $2, departure_reason = $3 where nip = $1`, [
          e.data.nip,
          e.data.effectiveOn,
          e.data.reason,
        ]);
        return;
    }
  },
};
