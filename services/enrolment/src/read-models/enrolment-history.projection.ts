import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent, WorkUnit } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { projection } from '@kompeten/messaging';

const WIB = new CityCalendar();

/**
 * One row per enrolment (a staff member in a programme): its state, attendance, JP, and why it
 * ended. The JP ledger, the staff training history and the unit summaries are queries over it.
 * `year`: the fiscal year the enrolment is charged to (StaffEnrolled's), the year of completion once
 * completed (TrainingCompleted's: the JP count there).
 */
export const enrolmentHistoryProjection = projection<ProgrammeEvent>({
  name: 'enrolment_history',
  // v2: the coded non-completion reason; a promoted enrolment takes the year of its StaffEnrolled.
  // v3: the unit head's release (approved_on, surat tugas, nominated) or decline (declined_*), and awaiting-release.
  // v4: no notes — they are personal data, sealed in the log (programme/personal-notes.ts); a copy in
  // clear here would outlive the staff member's erasure. The coded reasons are what the reports count.
  version: 4,
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      enrolment_id text primary key, programme_id text not null, nip text not null, opd text not null, service_unit text,
      competency_type text, competency_area text, jp integer not null default 0, year integer not null,
      status text not null, waitlist_reason text, enrolled_at timestamptz not null, updated_at timestamptz not null,
      attendance jsonb not null default '{}',
      withdrawal_reason text, completed_on date, jp_credited integer not null default 0,
      non_completion_reason text,
      enrolled_on date, approved_on date, surat_tugas_number text, surat_tugas_date date, nominated boolean,
      declined_on date, declined_reason text)`);
    await tx.query(`create index on "${t}" (nip)`);
    await tx.query(`create index on "${t}" (programme_id)`);
    await tx.query(`create index on "${t}" (opd, year)`);
  },
  on: {
    StaffEnrolled: (e, tx, t) =>
      enrol(tx, t, e, 'pending-funds', {
        jp: e.data.jp,
        year: e.data.year,
        type: e.data.competencyType,
        area: e.data.competencyArea,
        reason: null,
        enrolledOn: e.data.enrolledOn,
      }),
    // EnrolmentWaitlisted names no year: a row that never held a seat keeps the city year it was waitlisted
    // in (WIB: a projection is a pure fold, so it reads no setting), and takes the programme's when a seat comes.
    EnrolmentWaitlisted: (e, tx, t) =>
      enrol(tx, t, e, `waitlisted-${e.data.reason}`, {
        jp: 0,
        year: WIB.yearOf(new Date(e.occurredAt)),
        type: null,
        area: null,
        reason: e.data.detail,
      }),
    EnrolmentConfirmed: (e, tx, t) => set(tx, t, e, `status = 'confirmed'`),
    EnrolmentFunded: (e, tx, t) => set(tx, t, e, `status = 'awaiting-release'`),
    EnrolmentApproved: (e, tx, t) =>
      set(tx, t, e, `approved_on = $3, surat_tugas_number = $4, surat_tugas_date = $5, nominated = $6`, [
        e.data.approvedOn,
        e.data.suratTugas.number,
        e.data.suratTugas.date,
        e.data.nominated,
      ]),
    EnrolmentDeclined: (e, tx, t) =>
      set(tx, t, e, `status = 'declined', declined_on = $3, declined_reason = $4`, [e.data.declinedOn, e.data.reason]),
    EnrolmentWithdrawn: (e, tx, t) => set(tx, t, e, `status = 'withdrawn', withdrawal_reason = $3`, [e.data.reason]),
    // A correction overwrites the earlier mark for the same session.
    SessionAttended: (e, tx, t) => mark(tx, t, e, 'attended'),
    SessionMissed: (e, tx, t) => mark(tx, t, e, 'missed'),
    TrainingCompleted: (e, tx, t) =>
      set(tx, t, e, `status = 'completed', completed_on = $3, jp_credited = $4, year = $5`, [
        e.data.completedOn,
        e.data.jp,
        e.data.year,
      ]),
    TrainingNotCompleted: (e, tx, t) =>
      set(tx, t, e, `status = 'not-completed', non_completion_reason = $3`, [e.data.reason]),
    ProgrammeCancelled: (e, tx, t) =>
      tx.query(
        `update "${t}" set status = 'cancelled', updated_at = $2 where programme_id = $1 and status in ('pending-funds', 'awaiting-release', 'confirmed', 'waitlisted-capacity', 'waitlisted-funds')`,
        [e.data.programmeId, e.occurredAt],
      ),
  },
});

/** A new enrolment, or a waitlisted one that got a seat (or lost it): the later event's state wins. */
function enrol(
  tx: QueryRunner,
  t: string,
  e: { occurredAt: string; data: { enrolmentId: string; programmeId: string; nip: string; workUnit: WorkUnit } },
  status: string,
  extra: {
    jp: number;
    year: number;
    type: string | null;
    area: string | null;
    reason: string | null;
    enrolledOn?: string | null;
  },
) {
  const d = e.data;
  return tx.query(
    `insert into "${t}" (enrolment_id, programme_id, nip, opd, service_unit, competency_type, competency_area, jp, year, status, waitlist_reason, enrolled_at, updated_at, enrolled_on)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
    on conflict (enrolment_id) do update set status = excluded.status, waitlist_reason = excluded.waitlist_reason, updated_at = excluded.updated_at,
      jp = greatest("${t}".jp, excluded.jp), competency_type = coalesce(excluded.competency_type, "${t}".competency_type),
      year = case when excluded.competency_type is null then "${t}".year else excluded.year end,
      competency_area = coalesce(excluded.competency_area, "${t}".competency_area),
      enrolled_on = coalesce("${t}".enrolled_on, excluded.enrolled_on)`,
    [
      d.enrolmentId,
      d.programmeId,
      d.nip,
      d.workUnit.opd,
      d.workUnit.serviceUnit ?? null,
      extra.type,
      extra.area,
      extra.jp,
      extra.year,
      status,
      extra.reason,
      e.occurredAt,
      extra.enrolledOn ?? null,
    ],
  );
}

/** Updates the enrolment's row and stamps it with the event's time. */
const set = (
  tx: QueryRunner,
  t: string,
  e: { occurredAt: string; data: { enrolmentId: string } },
  sql: string,
  params: unknown[] = [],
) =>
  tx.query(`update "${t}" set ${sql}, updated_at = $2 where enrolment_id = $1`, [
    e.data.enrolmentId,
    e.occurredAt,
    ...params,
  ]);

const mark = (
  tx: QueryRunner,
  t: string,
  e: { occurredAt: string; data: { enrolmentId: string; sessionId: string } },
  attendance: 'attended' | 'missed',
) => set(tx, t, e, 'attendance = attendance || jsonb_build_object($3::text, $4::text)', [e.data.sessionId, attendance]);
