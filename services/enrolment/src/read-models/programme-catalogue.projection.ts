import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** Enrolment states that hold a seat (programme.state.ts `seatsTaken`): counted against capacity. */
export const SEAT_HOLDING = ['pending-funds', 'awaiting-release', 'confirmed', 'completed'] as const;

/**
 * One row per programme, with its current details and status, and what the catalogue's filters need
 * as columns: title, form, competency, capacity, the first and last session dates, and the seats.
 * `enrolments` maps each NIP to the state of their enrolment, as the programme's own events say — a
 * fold over the one stream, so a rebuild gives the same seats; `seats_taken` counts the seat holders.
 */
export const programmeCatalogueProjection = projection<ProgrammeEvent>({
  name: 'programme_catalogue',
  // v2: filter columns, session span, enrolments by NIP and seats taken (GET /programmes).
  version: 2,
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      programme_id text primary key, details jsonb not null, status text not null, published_at timestamptz not null, cancel_reason text,
      title text not null, form text not null, competency_type text not null, competency_area text not null,
      funding_opd text not null, capacity integer not null, late_enrolment boolean not null,
      first_session_date date, last_session_date date,
      enrolments jsonb not null default '{}', seats_taken integer not null default 0)`);
    // The catalogue's order (earliest first session first, then id) is the cursor's key.
    await tx.query(`create index on "${t}" (first_session_date, programme_id)`);
    await tx.query(`create index on "${t}" (competency_type, competency_area)`);
  },
  on: {
    ProgrammePublished: async (e, tx, t) => {
      const { programmeId, ...details } = e.data;
      await tx.query(
        `insert into "${t}" (programme_id, details, status, published_at, title, form, competency_type, competency_area,
           funding_opd, capacity, late_enrolment)
         values ($1, $2, 'published', $3, '', '', '', '', '', 0, false)`,
        [programmeId, JSON.stringify(details), e.occurredAt],
      );
      await syncColumns(tx, t, programmeId);
    },
    ProgrammeRevised: async ({ data: d }, tx, t) => {
      await tx.query(`update "${t}" set details = details || $2::jsonb where programme_id = $1`, [
        d.programmeId,
        JSON.stringify(d.changes),
      ]);
      await syncColumns(tx, t, d.programmeId);
    },
    ProgrammeCancelled: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'cancelled', cancel_reason = $2 where programme_id = $1`, [
        d.programmeId,
        d.reason,
      ]),
    StaffEnrolled: ({ data: d }, tx, t) => enrolment(tx, t, d, 'pending-funds'),
    EnrolmentWaitlisted: ({ data: d }, tx, t) => enrolment(tx, t, d, `waitlisted-${d.reason}`),
    EnrolmentFunded: ({ data: d }, tx, t) => enrolment(tx, t, d, 'awaiting-release'),
    EnrolmentConfirmed: ({ data: d }, tx, t) => enrolment(tx, t, d, 'confirmed'),
    EnrolmentWithdrawn: ({ data: d }, tx, t) => enrolment(tx, t, d, 'withdrawn'),
    EnrolmentDeclined: ({ data: d }, tx, t) => enrolment(tx, t, d, 'declined'),
    TrainingCompleted: ({ data: d }, tx, t) => enrolment(tx, t, d, 'completed'),
    TrainingNotCompleted: ({ data: d }, tx, t) => enrolment(tx, t, d, 'not-completed'),
  },
});

/** The filter columns, from the details as they now are (a revision may change any of them). */
const syncColumns = (tx: QueryRunner, t: string, programmeId: string) =>
  tx.query(
    `update "${t}" set title = details->>'title', form = details->>'form', competency_type = details->>'competencyType',
       competency_area = details->>'competencyArea', funding_opd = details->>'fundingOpd',
       capacity = (details->>'capacity')::int, late_enrolment = coalesce((details->>'lateEnrolment')::boolean, false),
       first_session_date = (select min((s->>'date')::date) from jsonb_array_elements(details->'sessions') s),
       last_session_date = (select max((s->>'date')::date) from jsonb_array_elements(details->'sessions') s)
     where programme_id = $1`,
    [programmeId],
  );

/** The NIP's enrolment is now in `status`; the seats are recounted from the map (a programme has tens of them). */
const enrolment = (tx: QueryRunner, t: string, d: { programmeId: string; nip: string }, status: string) =>
  tx.query(
    `update "${t}" c set enrolments = m.e,
       seats_taken = (select count(*)::int from jsonb_each_text(m.e) x where x.value = any($4::text[]))
     from (select enrolments || jsonb_build_object($2::text, $3::text) as e from "${t}" where programme_id = $1) m
     where c.programme_id = $1`,
    [d.programmeId, d.nip, status, SEAT_HOLDING],
  );
