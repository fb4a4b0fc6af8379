import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per physical projection table (`<projection>__v<generation>`): the position it has applied
 * up to, and whether it is the one readers see through the view (`active`) or a rebuild in progress
 * (`building`). At most one of each per projection.
 */
export class CreateProjectionCheckpoints1732000000102 implements MigrationInterface {
  name = 'CreateProjectionCheckpoints1732000000102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table projection_checkpoint (
        table_name          text primary key,
        projection          text not null,
        generation          integer not null check (generation >= 1),
        definition_version  integer not null check (definition_version >= 1),
        state               text not null check (state in ('active', 'building')),
        position            bigint not null default 0 check (position >= 0),
        created_at          timestamptz not null default now(),
        updated_at          timestamptz not null default now(),
        unique (projection, generation)
      )`);
    await q.query(
      `create unique index projection_checkpoint_one_active on projection_checkpoint (projection) where state = 'active'`,
    );
    await q.query(
      `create unique index projection_checkpoint_one_building on projection_checkpoint (projection) where state = 'building'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table projection_checkpoint');
  }
}
