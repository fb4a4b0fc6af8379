import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the needs analysis and by-need funding read of the other services' events (one consumer,
 * enrolment.planning-inputs, writes all three, exactly once with the processed-message record):
 * - unit_ikm: each service unit of the feedback service and its latest closed SKM period (NRR per
 *   element, IKM, grade). opd, name and kind are null until ServiceUnitRegistered arrives: it comes on
 *   another stream, so a period may be closed here first. period_end orders periods of any length.
 * - staff_certification: the assessment service's certifications, with their expiry.
 * - known_competency: the agency's competency dictionary (CompetencyDefined), for plan lines.
 * No names of people, no scores of individuals.
 */
export class CreatePlanningInputs1767000000000 implements MigrationInterface {
  name = 'CreatePlanningInputs1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table unit_ikm (
        unit_code   text primary key,
        opd         text,
        name        text,
        kind        text,
        period      text,
        period_end  date,
        ikm         numeric,
        grade       text,
        nrr         jsonb,
        responses   integer not null default 0,
        closed_on   date
      )`);
    await q.query('create index unit_ikm_opd on unit_ikm (opd)');
    await q.query(`
      create table staff_certification (
        certification_id  text primary key,
        nip               text not null,
        competency_code   text not null,
        level             integer not null,
        certified_on      date not null,
        expires_on        date not null,
        expired           boolean not null default false
      )`);
    await q.query('create index staff_certification_nip on staff_certification (nip, competency_code)');
    await q.query(`
      create table known_competency (
        code             text primary key,
        name             text not null,
        competency_type  text not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table known_competency');
    await q.query('drop table staff_certification');
    await q.query('drop table unit_ikm');
  }
}
