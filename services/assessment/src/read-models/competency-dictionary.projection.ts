import type { CompetencyEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** The agency's teknis competencies (the national ones are fixed in code and merged by the dictionary query). */
export const competencyDictionaryProjection = projection<CompetencyEvent>({
  name: 'competency_dictionary',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      code text primary key, name text not null, competency_type text not null, description text, level_descriptions jsonb,
      origin text not null, competency_area text, defined_at timestamptz not null)`);
  },
  on: {
    // An agency definition may replace one created on demand.
    CompetencyDefined: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
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
          occurredAt,
        ],
      ),
  },
});
