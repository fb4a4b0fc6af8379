import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feedback service's own copy of each staff member's training history, fed by the enrolment,
 * assessment and budget topics (consumers write these in the same transaction as their
 * processed-message record). No names or other personal data: NIPs and facts only.
 */
export class CreateTrainingHistory1733100000000 implements MigrationInterface {
  name = 'CreateTrainingHistory1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table fb_staff (
      nip text primary key, employment_type text, status text not null default 'active', registered_on date)`);
    // Where each staff member worked: [from_date, to_date), to_date null while they are still there.
    await q.query(`create table fb_staff_assignment (
      id bigserial primary key, nip text not null, opd text not null, service_unit text, from_date date not null, to_date date)`);
    await q.query('create index on fb_staff_assignment (service_unit, from_date)');
    await q.query('create index on fb_staff_assignment (nip)');
    await q.query(`create table fb_training_completion (
      enrolment_id text primary key, programme_id text not null, nip text not null, jp integer not null, completed_on date not null,
      competency_type text, competency_area text, opd text, service_unit text, cost_per_participant bigint)`);
    await q.query('create index on fb_training_completion (nip, completed_on)');
    await q.query('create index on fb_training_completion (programme_id)');
    await q.query(`create table fb_assessment_result (
      assessment_id text primary key, nip text not null, kind text not null, competency_code text, enrolment_id text, programme_id text,
      score numeric, level numeric, learning_gain numeric, assessed_on date not null)`);
    await q.query('create index on fb_assessment_result (nip, assessed_on)');
    await q.query(`create table fb_training_spend (
      event_id uuid primary key, enrolment_id text, programme_id text, nip text not null, amount bigint not null, spent_on date not null)`);
    await q.query('create index on fb_training_spend (nip, spent_on)');
    await q.query('create index on fb_training_spend (programme_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'fb_training_spend',
      'fb_assessment_result',
      'fb_training_completion',
      'fb_staff_assignment',
      'fb_staff',
    ])
      await q.query(`drop table ${t}`);
  }
}
