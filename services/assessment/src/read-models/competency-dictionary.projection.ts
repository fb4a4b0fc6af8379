import type { QueryRunner } from 'typeorm';
import type { CompetencyEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** The agency's teknis competencies (the national ones are fixed in code and merged by the dictionary query). */
export const competencyDictionaryProjection: Projection = {
  name: 'competency_dictionary',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      code text primary key, name text not null, competency_type text not null, description text, level_descriptions jsonb,
      origin text not null, competency_area text, defined_at timestamptz not null)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as CompetencyEvent;
    if (e.type !== 'CompetencyDefined') return;
    const d = e.data;
    // An agency definition may replace one created on demand.
    await tx.query(
      `insert into "${t}" (code, name, competency_type, description, level_descriptions, origin, competency_area, defined_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8)
      on conflict (code) do update set name = excluded.name, description = excluded.description, level_descriptions = excluded.level_descriptions,
        origin = excluded.origin, competency_area = coalesce(excluded.competency_area, "${t}".competency_area)`,
      [
        d.code,
        d.name,
        d.competencyType,
        d.description,
        d.levelDescriptions ? JSON.stringify(d.levelDescriptions) : null,
        d.origin,
        d.competencyArea,
        stored.occurredAt,
      ],
    );
  },
};
