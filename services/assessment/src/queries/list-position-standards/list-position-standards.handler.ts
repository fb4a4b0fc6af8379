import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Requirement } from '../../position-standard/position-standard.decider';
import { ListPositionStandardsQuery } from './list-position-standards.query';

/** Every position's required levels, as last set. */
@QueryHandler(ListPositionStandardsQuery)
export class ListPositionStandardsHandler implements IQueryHandler<ListPositionStandardsQuery> {
  constructor(private readonly db: DataSource) {}

  async execute() {
    const rows = await this.db.query<
      { position_key: string; position: string; requirements: Requirement[]; set_at: Date }[]
    >('select position_key, position, requirements, set_at from position_standard order by position_key');
    return {
      positions: rows.map((r) => ({
        positionKey: r.position_key,
        position: r.position,
        requirements: r.requirements,
        setAt: r.set_at,
      })),
    };
  }
}
