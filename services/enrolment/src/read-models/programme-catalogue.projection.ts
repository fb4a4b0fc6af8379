import type { ProgrammeEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** One row per programme, with its current details and status. */
export const programmeCatalogueProjection = projection<ProgrammeEvent>({
  name: 'programme_catalogue',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      programme_id text primary key, details jsonb not null, status text not null, published_at timestamptz not null, cancel_reason text)`);
  },
  on: {
    ProgrammePublished: (e, tx, t) => {
      const { programmeId, ...details } = e.data;
      return tx.query(
        `insert into "${t}" (programme_id, details, status, published_at) values ($1, $2, 'published', $3)`,
        [programmeId, JSON.stringify(details), e.occurredAt],
      );
    },
    ProgrammeRevised: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set details = details || $2::jsonb where programme_id = $1`, [
        d.programmeId,
        JSON.stringify(d.changes),
      ]),
    ProgrammeCancelled: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'cancelled', cancel_reason = $2 where programme_id = $1`, [
        d.programmeId,
        d.reason,
      ]),
  },
});
