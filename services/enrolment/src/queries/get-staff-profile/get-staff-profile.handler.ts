import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { StaffEvent } from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import { DomainProblem } from '@kompeten/platform';
import { staffStreamId } from '../../staff/staff.decider';
import { ledgerYear } from '../jp-ledger';
import { GetStaffProfileQuery } from './get-staff-profile.query';

/** A row of the staff_roster read model (staff-roster.projection.ts). */
interface RosterRow {
  nip: string;
  employment_type: string;
  opd: string;
  service_unit: string | null;
  position: string;
  status: string;
  registered_on: Date;
  left_on: Date | null;
  departure_reason: string | null;
}

/** The columns of a training history row this query selects. */
interface TrainingRow {
  enrolment_id: string;
  programme_id: string;
  title: string | null;
  competency_type: string | null;
  competency_area: string | null;
  status: string;
  year: number;
  jp: number;
  jp_credited: number;
  completed_on: string | null;
  withdrawal_reason: string | null;
  attendance: Record<string, string>;
  enrolled_at: Date;
}

/** A staff member's profile: current unit, unit history, training history and the JP ledger per year. */
@QueryHandler(GetStaffProfileQuery)
export class GetStaffProfileHandler implements IQueryHandler<GetStaffProfileQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
  ) {}

  async execute({ nip }: GetStaffProfileQuery) {
    const [staff] = await this.db.query<RosterRow[]>('select * from staff_roster where nip = $1', [nip]);
    if (!staff) throw new DomainProblem(404, 'staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
    // The name lives only in the log, encrypted; after erasure it reads as null.
    const events = await this.store.readStream<StaffEvent>(staffStreamId(nip));
    const registered = events.find((e) => e.type === 'StaffRegistered');
    const history = await this.db.query<TrainingRow[]>(
      `select h.enrolment_id, h.programme_id, c.details->>'title' as title, h.competency_type, h.competency_area, h.status, h.year,
              h.jp, h.jp_credited, h.completed_on::text as completed_on, h.withdrawal_reason, h.attendance, h.enrolled_at
         from enrolment_history h left join programme_catalogue c using (programme_id)
        where h.nip = $1 order by h.enrolled_at`,
      [nip],
    );
    const years = await this.db.query<{ year: number; jp: number }[]>(
      `select year, sum(jp_credited)::int as jp from enrolment_history where nip = $1 and status = 'completed' group by year order by year`,
      [nip],
    );
    return {
      nip,
      name: (registered?.data as { name?: string | null } | undefined)?.name ?? null,
      nameErased: Boolean(registered?.erased?.includes('name')),
      employmentType: staff.employment_type,
      workUnit: { opd: staff.opd, serviceUnit: staff.service_unit },
      position: staff.position,
      status: staff.status,
      unitHistory: events
        .filter((e) => e.type === 'StaffTransferred')
        .map((e) => ({ ...(e.data as object), recordedAt: e.recordedAt })),
      training: history.map((h) => ({
        enrolmentId: h.enrolment_id,
        programmeId: h.programme_id,
        title: h.title,
        competencyType: h.competency_type,
        competencyArea: h.competency_area,
        status: h.status,
        year: h.year,
        jp: h.jp,
        jpCredited: h.jp_credited,
        completedOn: h.completed_on,
        withdrawalReason: h.withdrawal_reason,
        attendance: h.attendance,
      })),
      jpLedger: years.map((y) => ledgerYear(staff.employment_type, y.year, y.jp)),
    };
  }
}

/** What GET /staff/:nip answers. */
export type StaffProfileView = Awaited<ReturnType<GetStaffProfileHandler['execute']>>;
