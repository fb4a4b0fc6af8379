import { DataSource } from 'typeorm';
import type { EmploymentType, StaffEvent, StaffRegistered, StaffTransferred } from '@kompeten/contracts';
import { getStaffRecord, type ResponseOf } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore, type StoredEvent } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { readDevelopmentPlan } from '../../development-plan/read-development-plan';
import { readExternalLearning } from '../../external-learning/read-external-learning';
import { staffStreamId } from '../../staff/staff.decider';
import { jpLedger } from '../jp-ledger';

/** What GET /staff/:nip answers (the gateway adds the competency profile: getStaffProfile). */
export type StaffRecordView = ResponseOf<typeof getStaffRecord>;
type TrainingView = StaffRecordView['training'][number];

/** A row of the staff_roster read model (staff-roster.projection.ts), its dates as `YYYY-MM-DD` text. */
interface RosterRow {
  nip: string;
  employment_type: EmploymentType;
  opd: string;
  service_unit: string | null;
  position: string;
  status: 'active' | 'left';
  registered_on: string;
  position_since: string;
  left_on: string | null;
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
  non_completion_reason: TrainingView['nonCompletionReason'];
  attendance: TrainingView['attendance'];
  enrolled_at: Date;
}

const isRegistration = (e: StoredEvent<StaffEvent>): e is StoredEvent<StaffRegistered> => e.type === 'StaffRegistered';
const isTransfer = (e: StoredEvent<StaffEvent>): e is StoredEvent<StaffTransferred> => e.type === 'StaffTransferred';

/**
 * A staff member's record: current unit and dates, unit history, training history, external learning and
 * the JP ledger (programmes completed and external learning verified):
 * every year since registration up to the city's current year (jp-ledger.ts).
 */
@Handles(getStaffRecord)
export class GetStaffRecordHandler implements UseCaseHandler<typeof getStaffRecord> {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { nip } }: UseCaseRequest<typeof getStaffRecord>): Promise<StaffRecordView> {
    // Dates as text: node-postgres would turn a `date` into a Date at the server's local midnight.
    const [staff] = await this.db.query<RosterRow[]>(
      `select nip, employment_type, opd, service_unit, position, status, registered_on::text as registered_on,
              position_since::text as position_since, left_on::text as left_on
         from staff_roster where nip = $1`,
      [nip],
    );
    if (!staff) throw DomainError.notFound('staff-not-found', 'Unknown staff', `no staff member with NIP ${nip}`);
    // The name lives only in the log, encrypted; after erasure it reads as null.
    const events = await this.store.readStream<StaffEvent>(staffStreamId(nip));
    const registered = events.find(isRegistration);
    const history = await this.db.query<TrainingRow[]>(
      `select h.enrolment_id, h.programme_id, c.details->>'title' as title, h.competency_type, h.competency_area, h.status, h.year,
              h.jp, h.jp_credited, h.completed_on::text as completed_on, h.withdrawal_reason, h.non_completion_reason,
              h.attendance, h.enrolled_at
         from enrolment_history h left join programme_catalogue c using (programme_id)
        where h.nip = $1 order by h.enrolled_at`,
      [nip],
    );
    const externalLearning = await readExternalLearning(this.db, nip);
    const today = this.calendar.dateOf(this.clock.now());
    const developmentPlan = await readDevelopmentPlan(
      this.store,
      this.db,
      nip,
      this.calendar.yearOf(this.clock.now()),
      today,
    );
    return {
      nip,
      name: registered?.data.name ?? null,
      nameErased: Boolean(registered?.erased?.includes('name')),
      employmentType: staff.employment_type,
      workUnit: { opd: staff.opd, serviceUnit: staff.service_unit },
      position: staff.position,
      status: staff.status,
      registeredOn: staff.registered_on,
      positionSince: staff.position_since,
      leftOn: staff.left_on,
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
        nonCompletionReason: h.non_completion_reason,
        attendance: h.attendance,
      })),
      externalLearning,
      jpLedger: jpLedger({
        employmentType: staff.employment_type,
        registeredOn: staff.registered_on,
        // Up to the city's today (not UTC's: on 1 January before 07:00 WIB that would still be last year).
        until: staff.left_on && staff.left_on < today ? staff.left_on : today,
        // Every JP credit (jp-credits.sql.ts): programmes completed and external learning verified.
        completions: [
          ...history.flatMap((h) =>
            h.status === 'completed' && h.completed_on ? [{ completedOn: h.completed_on, jp: h.jp_credited }] : [],
          ),
          ...externalLearning.flatMap((x) =>
            x.status === 'verified' ? [{ completedOn: x.endDate, jp: x.jpCredited }] : [],
          ),
        ],
      }),
      developmentPlan,
    };
  }
}
