import { DataSource } from 'typeorm';
import { listPositionStandards } from '@kompeten/api';
import { Handles, type UseCaseHandler } from '@kompeten/platform';
import type { Requirement } from '../../position-standard/position-standard.decider';

/** A row of the position_standard read model. */
interface PositionStandardRow {
  position_key: string;
  position: string;
  requirements: Requirement[];
  set_at: Date;
}

/** Every position's required levels, as last set. */
@Handles(listPositionStandards)
export class ListPositionStandardsHandler implements UseCaseHandler<typeof listPositionStandards> {
  constructor(private readonly db: DataSource) {}

  async handle() {
    const rows = await this.db.query<PositionStandardRow[]>(
      'select position_key, position, requirements, set_at from position_standard order by position_key',
    );
    return {
      positions: rows.map((r) => ({
        positionKey: r.position_key,
        position: r.position,
        requirements: r.requirements,
        setAt: r.set_at.toISOString(),
      })),
    };
  }
}
