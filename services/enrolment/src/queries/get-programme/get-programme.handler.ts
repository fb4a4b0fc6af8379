import { DataSource } from 'typeorm';
import type { ProgrammeDetails } from '@kompeten/contracts';
import { getProgramme, type ENROLMENT_STATUSES, type ResponseOf } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';

/** A row of the programme_catalogue read model (programme-catalogue.projection.ts). */
interface CatalogueRow {
  programme_id: string;
  details: ProgrammeDetails;
  status: 'published' | 'cancelled';
  published_at: Date;
  cancel_reason: string | null;
}

/** The columns of enrolment_history this query selects. */
interface EnrolmentRow {
  enrolment_id: string;
  nip: string;
  opd: string;
  service_unit: string | null;
  status: (typeof ENROLMENT_STATUSES)[number];
  waitlist_reason: string | null;
  withdrawal_reason: string | null;
  completed_on: string | null;
  approved_on: string | null;
  surat_tugas_number: string | null;
  surat_tugas_date: string | null;
  nominated: boolean | null;
  declined_reason: string | null;
  attendance: Record<string, string>;
}

/** A programme with its seats, enrolments and waitlist (in the order seats will be offered). */
@Handles(getProgramme)
export class GetProgrammeHandler implements UseCaseHandler<typeof getProgramme> {
  constructor(private readonly db: DataSource) {}

  async handle({ params: { programmeId } }: UseCaseRequest<typeof getProgramme>): Promise<ProgrammeView> {
    const [p] = await this.db.query<CatalogueRow[]>('select * from programme_catalogue where programme_id = $1', [
      programmeId,
    ]);
    if (!p) throw DomainError.notFound('programme-not-found', 'Unknown programme', `no programme ${programmeId}`);
    const rows = await this.db.query<EnrolmentRow[]>(
      `select enrolment_id, nip, opd, service_unit, status, waitlist_reason, withdrawal_reason, completed_on::text as completed_on, attendance,
              approved_on::text as approved_on, surat_tugas_number, surat_tugas_date::text as surat_tugas_date, nominated, declined_reason
         from enrolment_history where programme_id = $1 order by enrolled_at, enrolment_id`,
      [programmeId],
    );
    const view = (r: EnrolmentRow) => ({
      enrolmentId: r.enrolment_id,
      nip: r.nip,
      workUnit: { opd: r.opd, serviceUnit: r.service_unit },
      status: r.status,
      waitlistReason: r.waitlist_reason,
      withdrawalReason: r.withdrawal_reason,
      completedOn: r.completed_on,
      release:
        r.approved_on === null
          ? null
          : {
              approvedOn: r.approved_on,
              suratTugas: { number: r.surat_tugas_number ?? '', date: r.surat_tugas_date ?? r.approved_on },
              nominated: Boolean(r.nominated),
            },
      declineReason: r.declined_reason,
      attendance: r.attendance,
    });
    const seated = rows.filter((r) =>
      ['pending-funds', 'awaiting-release', 'confirmed', 'completed'].includes(r.status),
    );
    return {
      programmeId,
      status: p.status,
      cancelReason: p.cancel_reason,
      ...p.details,
      seatsTaken: seated.length,
      seatsFree: Math.max(0, p.details.capacity - seated.length),
      enrolments: rows.filter((r) => !r.status.startsWith('waitlisted')).map(view),
      waitlist: rows.filter((r) => r.status.startsWith('waitlisted')).map(view),
    };
  }
}

/** What GET /programmes/:programmeId answers. */
export type ProgrammeView = ResponseOf<typeof getProgramme>;
