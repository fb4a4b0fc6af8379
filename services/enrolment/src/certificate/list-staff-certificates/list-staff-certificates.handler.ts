import { DataSource } from 'typeorm';
import { listStaffCertificates, type ResponseOf } from '@kompeten/api';
import type { CertificateKind, CertificateRevocationReason } from '@kompeten/contracts';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { validityOn } from '../certificate.state';

interface Row {
  number: string;
  kind: CertificateKind;
  title: string;
  provider: string;
  programme_id: string | null;
  competency_code: string | null;
  level: number | null;
  completed_on: string;
  jp: number;
  issued_on: string;
  expires_on: string | null;
  revoked_on: string | null;
  revocation_reason: CertificateRevocationReason | null;
}

/** A staff member's certificates from the register, each with its status on the city's today. */
@Handles(listStaffCertificates)
export class ListStaffCertificatesHandler implements UseCaseHandler<typeof listStaffCertificates> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({
    params: { nip },
  }: UseCaseRequest<typeof listStaffCertificates>): Promise<ResponseOf<typeof listStaffCertificates>> {
    const [staff] = await this.db.query<{ opd: string }[]>('select opd from staff_roster where nip = $1', [nip]);
    if (!staff) throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
    const asOf = this.calendar.dateOf(this.clock.now());
    // Dates as text: node-postgres would turn a `date` into a Date at the server's local midnight.
    const rows = await this.db.query<Row[]>(
      `select number, kind, title, provider, programme_id, competency_code, level, completed_on::text as completed_on,
              jp, issued_on::text as issued_on, expires_on::text as expires_on, revoked_on::text as revoked_on,
              revocation_reason
         from certificate_register where nip = $1 order by completed_on desc, number`,
      [nip],
    );
    return {
      nip,
      opd: staff.opd,
      asOf,
      certificates: rows.map((r) => ({
        number: r.number,
        kind: r.kind,
        status: validityOn(r.expires_on, r.revoked_on !== null, asOf),
        title: r.title,
        provider: r.provider,
        programmeId: r.programme_id,
        competencyCode: r.competency_code,
        level: r.level,
        completedOn: r.completed_on,
        jp: r.jp,
        issuedOn: r.issued_on,
        expiresOn: r.expires_on,
        revokedOn: r.revoked_on,
        revocationReason: r.revocation_reason,
      })),
    };
  }
}
