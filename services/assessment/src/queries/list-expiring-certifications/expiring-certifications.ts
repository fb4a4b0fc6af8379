import type { ResponseOf, listExpiringCertifications } from '@kompeten/api';
import { daysBetween } from '@kompeten/domain';

type StaffExpiring = ResponseOf<typeof listExpiringCertifications>['staff'][number];

/** A valid certification of an active staff member of the unit, as the query selects it (dates as text). */
export interface ExpiringRow {
  nip: string;
  serviceUnit: string | null;
  position: string;
  certificationId: string;
  competencyCode: string;
  level: number;
  requiredLevel: number;
  certifiedOn: string;
  expiresOn: string;
}

/**
 * Groups the rows per staff member, each one's soonest expiry first, and the staff by their soonest
 * expiry (then NIP): who needs a renewing assessment first is on top. Names fall back to the code.
 */
export function expiringPerStaff(rows: ExpiringRow[], asOf: string, names: Map<string, string>): StaffExpiring[] {
  const byNip = new Map<string, StaffExpiring>();
  const sorted = [...rows].sort(
    (a, b) =>
      a.expiresOn.localeCompare(b.expiresOn) ||
      a.nip.localeCompare(b.nip) ||
      a.competencyCode.localeCompare(b.competencyCode),
  );
  for (const r of sorted) {
    const staff = byNip.get(r.nip) ?? {
      nip: r.nip,
      serviceUnit: r.serviceUnit,
      position: r.position,
      certifications: [],
    };
    byNip.set(r.nip, staff);
    staff.certifications.push({
      certificationId: r.certificationId,
      competencyCode: r.competencyCode,
      competencyName: names.get(r.competencyCode) ?? r.competencyCode,
      level: r.level,
      requiredLevel: r.requiredLevel,
      certifiedOn: r.certifiedOn,
      expiresOn: r.expiresOn,
      daysLeft: daysBetween(asOf, r.expiresOn),
    });
  }
  return [...byNip.values()];
}
