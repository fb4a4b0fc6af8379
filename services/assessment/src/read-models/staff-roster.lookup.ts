import type { DataSource } from 'typeorm';
import { DomainError } from '@kompeten/domain';

export interface RosterEntry {
  nip: string;
  opd: string;
  serviceUnit: string | null;
  position: string;
  positionKey: string;
  status: 'active' | 'left';
  employmentType: string;
}

/** A row of staff_roster. */
interface StaffRosterRow {
  nip: string;
  employment_type: string;
  opd: string;
  service_unit: string | null;
  position: string;
  position_key: string;
  status: RosterEntry['status'];
  left_on: string | null;
}

/** The staff member as the enrolment service last said; 404 naming the NIP when it never registered them. */
export async function staffOnRoster(db: DataSource, nip: string): Promise<RosterEntry> {
  const [row] = await db.query<StaffRosterRow[]>('select * from staff_roster where nip = $1', [nip]);
  if (!row) {
    throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip} on the roster`, {
      errors: [{ field: 'nip', message: 'is not on the staff roster' }],
    });
  }
  return {
    nip,
    opd: row.opd,
    serviceUnit: row.service_unit,
    position: row.position,
    positionKey: row.position_key,
    status: row.status,
    employmentType: row.employment_type,
  };
}
