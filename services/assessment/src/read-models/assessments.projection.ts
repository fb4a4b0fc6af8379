import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** One row per assessment: when it was due, and its result or why it was dropped. Profiles, gaps and the overdue list read it. */
export const assessmentsProjection = projection<AssessmentRecordEvent>({
  name: 'assessments',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      assessment_id text primary key, nip text not null, kind text not null, competency_code text not null,
      enrolment_id text, programme_id text, trigger text not null, due_on date not null, status text not null,
      assessor text, method text, score numeric, level integer, assessed_on date, late boolean, learning_gain integer,
      cancel_reason text, scheduled_at timestamptz not null, updated_at timestamptz not null)`);
    await tx.query(`create index on "${t}" (nip)`);
    await tx.query(`create index on "${t}" (status, due_on)`);
  },
  on: {
    AssessmentScheduled: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `insert into "${t}" (assessment_id, nip, kind, competency_code, enrolment_id, programme_id, trigger, due_on, status, scheduled_at, updated_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, 'scheduled', $9, $9)`,
        [d.assessmentId, d.nip, d.kind, d.competencyCode, d.enrolmentId, d.programmeId, d.trigger, d.dueOn, occurredAt],
      ),
    AssessmentRecorded: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `update "${t}" set status = 'recorded', assessor = $2, method = $3, score = $4, level = $5, assessed_on = $6,
        late = $7, learning_gain = $8, updated_at = $9 where assessment_id = $1`,
        [d.assessmentId, d.assessor, d.method, d.score, d.level, d.assessedOn, d.late, d.learningGain, occurredAt],
      ),
    AssessmentCancelled: ({ data: d, occurredAt }, tx, t) =>
      tx.query(`update "${t}" set status = 'cancelled', cancel_reason = $2, updated_at = $3 where assessment_id = $1`, [
        d.assessmentId,
        d.reason,
        occurredAt,
      ]),
  },
});
