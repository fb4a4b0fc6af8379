import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent, Session, WorkUnit } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { projection } from '@kompeten/messaging';

const WIB = new CityCalendar();

/** The first session's date, or null (self-paced programmes have none). */
const firstSession = (sessions: Session[]) =>
  sessions.reduce<string | null>((first, s) => (first === null || s.date < first ? s.date : first), null);

/**
 * What the training officer's release report counts: one row per enrolment — its unit, the day the
 * staff member asked, the unit head's release or decline, the withdrawal — and one row per programme
 * (`enrolment_id` null) holding what the enrolments' rows need from it: its first session's date,
 * whether it asks for a release, whether it was cancelled.
 *
 * - `requested_on`: the enrolment's enrolledOn as the programme keeps it (the latest StaffEnrolled that
 *   names one; for a promotion from the waitlist, the day the seat was given) — what EnrolmentDeclined
 *   and StaffReleased call requestedOn, and where the approval lead time starts.
 * - `first_session` on an enrolment row: the programme's first session as it stood when the staff
 *   member withdrew (a later revision does not make a withdrawal late or early after the fact).
 * - `withdrawn_on`: EnrolmentWithdrawn names no day, so the city date of its instant (WIB: a
 *   projection is a pure fold, so it reads no setting).
 */
export const releaseReportProjection = projection<ProgrammeEvent>({
  name: 'release_report',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      programme_id text not null, enrolment_id text unique, nip text, opd text, service_unit text,
      first_session date, release_required boolean not null default false, cancelled boolean not null default false,
      requested_on date, approved_on date, nominated boolean, declined_on date, decline_reason text,
      withdrawn_on date, withdrawal_reason text, was_confirmed boolean)`);
    await tx.query(`create unique index on "${t}" (programme_id) where enrolment_id is null`);
    await tx.query(`create index on "${t}" (opd, service_unit)`);
  },
  on: {
    ProgrammePublished: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (programme_id, first_session, release_required) values ($1, $2, $3)
         on conflict (programme_id) where enrolment_id is null do nothing`,
        [d.programmeId, firstSession(d.sessions), d.releaseRequired],
      ),
    ProgrammeRevised: ({ data: { programmeId, changes } }, tx, t) =>
      tx.query(
        `update "${t}" set first_session = case when $2 then $3::date else first_session end,
           release_required = coalesce($4, release_required)
         where programme_id = $1 and enrolment_id is null`,
        [
          programmeId,
          changes.sessions !== undefined,
          changes.sessions ? firstSession(changes.sessions) : null,
          changes.releaseRequired ?? null,
        ],
      ),
    ProgrammeCancelled: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set cancelled = true where programme_id = $1`, [d.programmeId]),
    StaffEnrolled: ({ data: d }, tx, t) => enrolment(tx, t, d, d.enrolledOn),
    // A staff member waiting for a seat can withdraw too; the request date comes with the seat (StaffEnrolled).
    EnrolmentWaitlisted: ({ data: d }, tx, t) => enrolment(tx, t, d, null),
    EnrolmentApproved: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set approved_on = $2, nominated = $3 where enrolment_id = $1`, [
        d.enrolmentId,
        d.approvedOn,
        d.nominated,
      ]),
    EnrolmentDeclined: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (programme_id, enrolment_id, nip, opd, service_unit, requested_on, declined_on, decline_reason, release_required)
         values ($1, $2, $3, $4, $5, $6, $7, $8, true)
         on conflict (enrolment_id) do update set opd = excluded.opd, service_unit = excluded.service_unit,
           requested_on = coalesce(excluded.requested_on, "${t}".requested_on),
           declined_on = excluded.declined_on, decline_reason = excluded.decline_reason`,
        [
          d.programmeId,
          d.enrolmentId,
          d.nip,
          d.workUnit.opd,
          d.workUnit.serviceUnit ?? null,
          d.requestedOn,
          d.declinedOn,
          d.reason,
        ],
      ),
    EnrolmentWithdrawn: (e, tx, t) =>
      tx.query(
        `update "${t}" e set withdrawn_on = $2, withdrawal_reason = $3, was_confirmed = $4,
           first_session = (select p.first_session from "${t}" p where p.programme_id = e.programme_id and p.enrolment_id is null)
         where e.enrolment_id = $1`,
        [e.data.enrolmentId, WIB.dateOf(new Date(e.occurredAt)), e.data.reason, e.data.wasConfirmed],
      ),
  },
});

/** The enrolment's row, created with what its programme's row says; a StaffEnrolled without a date keeps the one known. */
const enrolment = (
  tx: QueryRunner,
  t: string,
  d: { enrolmentId: string; programmeId: string; nip: string; workUnit: WorkUnit },
  requestedOn: string | null,
) =>
  tx.query(
    `insert into "${t}" (programme_id, enrolment_id, nip, opd, service_unit, requested_on, release_required, cancelled)
     select $1, $2, $3, $4, $5, $6::date, coalesce(p.release_required, false), coalesce(p.cancelled, false)
       from (select 1) one left join "${t}" p on p.programme_id = $1 and p.enrolment_id is null
     on conflict (enrolment_id) do update set opd = excluded.opd, service_unit = excluded.service_unit,
       requested_on = coalesce(excluded.requested_on, "${t}".requested_on)`,
    [d.programmeId, d.enrolmentId, d.nip, d.workUnit.opd, d.workUnit.serviceUnit ?? null, requestedOn],
  );
