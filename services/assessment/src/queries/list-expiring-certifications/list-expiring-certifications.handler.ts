import { DataSource } from 'typeorm';
import { EXPIRING_WITHIN_DAYS, listExpiringCertifications } from '@kompeten/api';
import { addDays, CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { competencyNames } from '../competency-names';
import { expiringPerStaff, type ExpiringRow } from './expiring-certifications';

/**
 * A unit's certifications that are valid today (the city's date) and run out within N days. The unit
 * is where the enrolment service last placed the staff member (staff_roster, fed by its StaffRegistered
 * and StaffTransferred): a certification follows its holder to a new OPD. Staff who left are not listed,
 * nor anyone the roster does not know yet. A certification whose expiry date has come is expired even
 * before the expiry check marks it (the decider's rule), so it is not listed either.
 */
@Handles(listExpiringCertifications)
export class ListExpiringCertificationsHandler implements UseCaseHandler<typeof listExpiringCertifications> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof listExpiringCertifications>) {
    const asOf = this.calendar.dateOf(this.clock.now());
    const withinDays = query.withinDays ?? EXPIRING_WITHIN_DAYS.default;
    const until = addDays(asOf, withinDays);
    const serviceUnit = query.serviceUnit ?? null;
    const rows = await this.db.query<ExpiringRow[]>(
      `select c.nip, s.service_unit as "serviceUnit", s.position, c.certification_id as "certificationId",
              c.competency_code as "competencyCode", c.level, c.required_level as "requiredLevel",
              c.certified_on::text as "certifiedOn", c.expires_on::text as "expiresOn"
         from certifications c join staff_roster s using (nip)
        where c.status = 'valid' and c.expires_on > $1::date and c.expires_on <= $2::date
          and s.status = 'active' and s.opd = $3 and ($4::text is null or s.service_unit = $4)`,
      [asOf, until, opd, serviceUnit],
    );
    const staff = expiringPerStaff(rows, asOf, await competencyNames(this.db));
    return { opd, serviceUnit, asOf, withinDays, until, certifications: rows.length, staff };
  }
}
