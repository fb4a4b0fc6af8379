import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the enrolment service keeps of the assessment service's events (its consumer writes it,
 * exactly once with the processed-message record): per staff member and competency, the latest
 * recorded assessment and whether it found a gap against the position they held then. The roster
 * filter "with a competency gap" reads it (GET /staff); no names, no scores.
 */
export class CreateStaffCompetencyGap1765000000000 implements MigrationInterface {
  name = 'CreateStaffCompetencyGap1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table staff_competency_gap (
        nip              text not null,
        competency_code  text not null,
        assessment_id    text not null,
        assessed_on      date not null,
        level            integer not null,
        gap              boolean not null default false,
        position         text,
        required_level   integer,
        primary key (nip, competency_code)
      )`);
    await q.query('create index staff_competency_gap_open on staff_competency_gap (nip) where gap');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table staff_competency_gap');
  }
}
