import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the assessment service keeps of the enrolment service's events, written by its consumers
 * (exactly once, with the processed-message record), not by projections over its own log:
 * - staff_roster: where each staff member works and in which position (gaps and required levels
 *   depend on it); no names — personal data stays with the enrolment service;
 * - enrolment_competency: the competency type and area of each enrolment (StaffEnrolled), which
 *   EnrolmentConfirmed does not carry but the pre-assessment needs.
 */
export class CreateEnrolmentCopies1764500000000 implements MigrationInterface {
  name = 'CreateEnrolmentCopies1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table staff_roster (
        nip              text primary key,
        employment_type  text not null,
        opd              text not null,
        service_unit     text,
        position         text not null,
        position_key     text not null,
        status           text not null,
        left_on          date
      )`);
    await q.query('create index staff_roster_unit on staff_roster (opd, service_unit)');
    await q.query(`
      create table enrolment_competency (
        enrolment_id     text primary key,
        programme_id     text not null,
        nip              text not null,
        competency_type  text not null,
        competency_area  text not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table enrolment_competency');
    await q.query('drop table staff_roster');
  }
}
