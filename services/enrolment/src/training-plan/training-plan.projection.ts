import type { TrainingPlanEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * One row per OPD and fiscal year: where its training plan stands, and the approved revision in force.
 * The needs analysis' neighbours read `approved_lines` (by-need funding's plan line, plan-against-actual),
 * never `lines`: a revision being drafted is not the plan until the head approves it.
 * The approval names the revision it approved, which is always the current one (the decider refuses
 * any other), so approved_lines is the row's lines at that moment.
 */
export const trainingPlanProjection = projection<TrainingPlanEvent>({
  name: 'training_plan',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      opd text not null, year int not null, plan_id text not null, status text not null, revision int not null,
      lines jsonb not null, approved_revision int, approved_lines jsonb, approved_on date,
      updated_at timestamptz not null, primary key (opd, year))`);
  },
  on: {
    TrainingPlanDrafted: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `insert into "${t}" (opd, year, plan_id, status, revision, lines, updated_at)
         values ($1, $2, $3, 'draft', $4, $5::jsonb, $6) on conflict (opd, year) do nothing`,
        [d.opd, d.year, d.planId, d.revision, JSON.stringify(d.lines), occurredAt],
      ),
    TrainingPlanRevised: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `update "${t}" set status = 'draft', revision = $3, lines = $4::jsonb, updated_at = $5
          where opd = $1 and year = $2`,
        [d.opd, d.year, d.revision, JSON.stringify(d.lines), occurredAt],
      ),
    TrainingPlanSubmitted: ({ data: d, occurredAt }, tx, t) =>
      tx.query(`update "${t}" set status = 'submitted', updated_at = $3 where opd = $1 and year = $2`, [
        d.opd,
        d.year,
        occurredAt,
      ]),
    TrainingPlanReturned: ({ data: d, occurredAt }, tx, t) =>
      tx.query(`update "${t}" set status = 'returned', updated_at = $3 where opd = $1 and year = $2`, [
        d.opd,
        d.year,
        occurredAt,
      ]),
    TrainingPlanApproved: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `update "${t}" set status = 'approved', approved_revision = $3, approved_lines = lines, approved_on = $4,
           updated_at = $5 where opd = $1 and year = $2`,
        [d.opd, d.year, d.revision, d.approvedOn, occurredAt],
      ),
  },
});
