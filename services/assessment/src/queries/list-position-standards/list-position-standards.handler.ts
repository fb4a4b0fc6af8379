import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ListPositionStandardsQuery } from './list-position-standards.query';

/** Every position's required levels, as last set. */
@QueryHandler(ListPositionStandardsQuery)
export class ListPositionStandardsHandler implements IQueryHandler<ListPositionStandardsQuery> {
  constructor(private readonly db: DataSource) {}

  async execute() {
    const rows = await this.db.query(
      'select position_key, position, requirements, set_at from position_standard order by position_key',
    );
    return {
      positions: rows.map((r: Record<string, unknown>) => ({
        positionKey: r.position_key,
        position: r.position,
        requirements: r.requirements,
        setAt: r.set_at,
      })),
    };
  }
}
