import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** One row per programme, with its current details and status. */
export const programmeCatalogueProjection: Projection = {
  name: 'programme_catalogue',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      programme_id text primary key, details jsonb not null, status text not null, published_at timestamptz not null, cancel_reason text)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as ProgrammeEvent;
    switch (e.type) {
      case 'ProgrammePublished': {
        const { programmeId, ...details } = e.data;
        await tx.query(
          `insert into "${t}" (programme_id, details, status, published_at) values ($1, $2, 'published', $3)`,
          [programmeId, JSON.stringify(details), stored.occurredAt],
        );
        return;
      }
      case 'ProgrammeRevised':
        await tx.query(`update "${t}" set details = details || $2::jsonb where programme_id = $1`, [
          e.data.programmeId,
          JSON.stringify(e.data.changes),
        ]);
        return;
      case 'ProgrammeCancelled':
        await tx.query(`update "${t}" set status = 'cancelled', cancel_reason = $2 where programme_id = $1`, [
          e.data.programmeId,
          e.data.reason,
        ]);
        return;
    }
  },
};
