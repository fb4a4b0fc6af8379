import type { PositionStandardEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** The current required levels per position; gap queries join it to the roster by position key. */
export const positionStandardProjection = projection<PositionStandardEvent>({
  name: 'position_standard',
  async createTable(tx, t) {
    await tx.query(
      `create table "${t}" (position_key text primary key, position text not null, requirements jsonb not null, set_at timestamptz not null)`,
    );
  },
  on: {
    PositionStandardSet: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `insert into "${t}" (position_key, position, requirements, set_at) values ($1, $2, $3, $4)
        on conflict (position_key) do update set position = excluded.position, requirements = excluded.requirements, set_at = excluded.set_at`,
        [d.positionKey, d.position, JSON.stringify(d.requirements), occurredAt],
      ),
  },
});
