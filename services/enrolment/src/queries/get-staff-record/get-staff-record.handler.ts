import { DataSource } from 'typeorm';
import type { EmploymentType, StaffEvent, StaffRegistered, StaffTransferred } from '@kompeten/contracts';
import { getStaffRecord, type ResponseOf } from '@kompeten/api';
import { DomainError } from '@kompeten/domain';
import { EventStore, type StoredEvent } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { staffStreamId } from '../../staff/staff.decider';
import { ledgerYear } from '../jp-ledger';

/** What GET /staff/:nip answers (the gateway adds the competency profile: getStaffProfile). */
export type StaffRecordView = ResponseOf<typeof getStaffRecord>;
type TrainingView = StaffRecordView['training'][number];

/** A row of the staff_roster read model (staff-roster.projection.ts). */
interface RosterRow {
  nip: string;
  employment_type: EmploymentType;
  opd: string;
  service_unit: string | null;
  position: string;
  status: 'active' | 'left';
  registered_on: Date;
  left_on: Date | null;
  departure_reason: string | null;
}

/** The columns of a training history row this query selects. */
interface TrainingRow {
  enrolment_id: string;
  programme_id: string;
  title: string | null;
  competency_type: TrainingView['competencyType'];
  competency_area: string | null;
  status: TrainingView['status'];
  year: number;
  jp: number;
  jp_credited: number;
  completed_on: string | null;
  withdrawal_reason: TrainingView['withdrawalReason'];
  attendance: TrainingView['attendance'];
  enrolled_at: Date;
}

const isRegistration = (e: StoredEvent<StaffEvent>): e is StoredEvent<StaffRegistered> => e.type === 'StaffRegistered';
const isTransfer = (e: StoredEvent<StaffEvent>): e is StoredEvent<StaffTransferred> => e.type === 'StaffTransferred';

/** A staff member's record: current unit, unit history, training history and the JP ledger per year. */
@Handles(getStaffRecord)
export class GetStaffRecordHandler implements UseCaseHandler<typeof getStaffRecord> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
  ) {}

  async handle({ params: { nip } }: UseCaseRequest<typeof getStaffRecord>): Promise<StaffRecordView> {
    const [staff] = await this.db.query<RosterRow[]>('select * from staff_roster where nip = $1', [nip]);
    if (!staff) throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
    // The name lives only in the log, encrypted; after erasure it reads as null.
    const events = await this.store.readStream<StaffEvent>(staffStreamId(nip));
    const registered = events.find(isRegistration);
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
      name: registered?.data.name ?? null,
      nameErased: Boolean(registered?.erased?.includes('name')),
      employmentType: staff.employment_type,
      workUnit: { opd: staff.opd, serviceUnit: staff.service_unit },
      position: staff.position,
      status: staff.status,
      unitHistory: events.filter(isTransfer).map((e) => ({ ...e.data, recordedAt: e.recordedAt })),
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
