import type { QueryRunner } from 'typeorm';
import type { PositionStandardEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** The current required levels per position; gap queries join it to the roster by position key. */
export const positionStandardProjection: Projection = {
  name: 'position_standard',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(
      `create table "${t}" (position_key text primary key, position text not null, requirements jsonb not null, set_at timestamptz not null)`,
    );
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as PositionStandardEvent;
    if (e.type !== 'PositionStandardSet') return;
    await tx.query(
      `insert into "${t}" (position_key, position, requirements, set_at) values ($1, $2, $3, $4)
      on conflict (position_key) do update set position = excluded.position, requirements = excluded.requirements, set_at = excluded.set_at`,
      [e.data.positionKey, e.data.position, JSON.stringify(e.data.requirements), stored.occurredAt],
    );
  },
};
