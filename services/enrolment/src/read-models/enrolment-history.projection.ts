import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/**
 * One row per enrolment (a staff member in a programme): its state, attendance, JP, and why it
 * ended. The JP ledger, the staff training history and the unit summaries are queries over it.
 */
export const enrolmentHistoryProjection: Projection = {
  name: 'enrolment_history',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      enrolment_id text primary key, programme_id text not null, nip text not null, opd text not null, service_unit text,
      competency_type text, competency_area text, jp integer not null default 0, year integer not null,
      status text not null, waitlist_reason text, enrolled_at timestamptz not null, updated_at timestamptz not null,
      attendance jsonb not null default '{}',
      withdrawal_reason text, withdrawal_note text, completed_on date, jp_credited integer not null default 0)`);
    await tx.query(`create index on "${t}" (nip)`);
    await tx.query(`create index on "${t}" (programme_id)`);
    await tx.query(`create index on "${t}" (opd, year)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as ProgrammeEvent;
    const at = stored.occurredAt;
    const set = (sql: string, enrolmentId: string, params: unknown[] = []) =>
      tx.query(`update "${t}" set ${sql}, updated_at = $2 where enrolment_id = $1`, [enrolmentId, at, ...params]);
    switch (e.type) {
      case 'StaffEnrolled':
      case 'EnrolmentWaitlisted': {
        const d = e.data;
        const status = e.type === 'StaffEnrolled' ? 'pending-funds' : `waitlisted-${e.data.reason}`;
        const extra =
          e.type === 'StaffEnrolled'
            ? {
                jp: e.data.jp,
                year: e.data.year,
                type: e.data.competencyType,
                area: e.data.competencyArea,
                reason: null,
              }
            : { jp: 0, year: Number(at.slice(0, 4)), type: null, area: null, reason: e.data.detail };
        await tx.query(
          `insert into "${t}" (enrolment_id, programme_id, nip, opd, service_unit, competency_type, competency_area, jp, year, status, waitlist_reason, enrolled_at, updated_at)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
          on conflict (enrolment_id) do update set status = excluded.status, waitlist_reason = excluded.waitlist_reason, updated_at = excluded.updated_at,
            jp = greatest("${t}".jp, excluded.jp), competency_type = coalesce(excluded.competency_type, "${t}".competency_type),
            competency_area = coalesce(excluded.competency_area, "${t}".competency_area)`,
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
            at,
          ],
        );
        return;
      }
      case 'EnrolmentConfirmed':
        await set(`status = 'confirmed'`, e.data.enrolmentId);
        return;
      case 'EnrolmentWithdrawn':
        await set(`status = 'withdrawn', withdrawal_reason = $3, withdrawal_note = $4`, e.data.enrolmentId, [
          e.data.reason,
          e.data.note,
        ]);
        return;
      case 'SessionAttended':
      case 'SessionMissed': // a correction overwrites the earlier mark for the same session
        await set('attendance = attendance || jsonb_build_object($3::text, $4::text)', e.data.enrolmentId, [
          e.data.sessionId,
          e.type === 'SessionAttended' ? 'attended' : 'missed',
        ]);
        return;
      case 'TrainingCompleted':
        await set(`status = 'completed', completed_on = $3, jp_credited = $4, year = $5`, e.data.enrolmentId, [
          e.data.completedOn,
          e.data.jp,
          e.data.year,
        ]);
        return;
      case 'TrainingNotCompleted':
        await set(`status = 'not-completed'`, e.data.enrolmentId);
        return;
      case 'ProgrammeCancelled':
        await tx.query(
          `update "${t}" set status = 'cancelled', updated_at = $2 where programme_id = $1 and status in ('pending-funds', 'confirmed', 'waitlisted-capacity', 'waitlisted-funds')`,
          [e.data.programmeId, at],
        );
        return;
    }
  },
};
