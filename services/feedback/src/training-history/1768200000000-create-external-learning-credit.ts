import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified external learning (the enrolment topic's ExternalLearningVerified), beside the programme
 * completions: the correlation's training measures count both (training-measures.sql.ts). A table of
 * its own, not rows in fb_training_completion: there is no programme, no cost, and the programme-effect
 * analysis (report-inputs.sql.ts) compares programmes only. NIPs and facts only, no titles.
 */
export class CreateExternalLearningCredit1768200000000 implements MigrationInterface {
  name = 'CreateExternalLearningCredit1768200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table fb_external_learning_credit (
      learning_id text primary key, nip text not null, form text not null, jp integer not null, completed_on date not null,
      competency_type text, competency_area text, opd text, service_unit text)`);
    await q.query('create index on fb_external_learning_credit (nip, completed_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table fb_external_learning_credit');
  }
}
