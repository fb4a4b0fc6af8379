import type { QueryRunner } from 'typeorm';
import type { ServiceUnitEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import type { Projection } from '@kompeten/messaging';

/** One row per service unit: its OPD, kind, services and yearly service users (the Krejcie–Morgan population). */
export const serviceUnitsProjection: Projection = {
  name: 'service_units',
  async createTable(tx: QueryRunner, t: string) {
    await tx.query(`create table "${t}" (
      unit_code text primary key, name text not null, opd text not null, kind text not null, services jsonb not null,
      annual_service_users integer not null, registered_on date not null)`);
  },
  async apply(stored: StoredEvent, tx: QueryRunner, t: string) {
    const e = stored as unknown as ServiceUnitEvent;
    switch (e.type) {
      case 'ServiceUnitRegistered': {
        const d = e.data;
        await tx.query(`insert into "${t}" values ($1, $2, $3, $4, $5, $6, $7)`, [
          d.unitCode,
          d.name,
          d.opd,
          d.kind,
          JSON.stringify(d.services),
          d.annualServiceUsers,
          d.registeredOn,
        ]);
        return;
      }
      case 'ServiceUnitRevised': {
        const c = e.data.changes;
        await tx.query(
          `update "${t}" set name = coalesce($2, name), services = coalesce($3::jsonb, services),
          annual_service_users = coalesce($4, annual_service_users) where unit_code = $1`,
          [
            e.data.unitCode,
            c.name ?? null,
            c.services ? JSON.stringify(c.services) : null,
            c.annualServiceUsers ?? null,
          ],
        );
        return;
      }
    }
  },
};
