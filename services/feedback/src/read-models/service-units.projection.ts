import type { ServiceUnitEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** One row per service unit: its OPD, kind, services and yearly service users (the Krejcie–Morgan population). */
export const serviceUnitsProjection = projection<ServiceUnitEvent>({
  name: 'service_units',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      unit_code text primary key, name text not null, opd text not null, kind text not null, services jsonb not null,
      annual_service_users integer not null, registered_on date not null)`);
  },
  on: {
    ServiceUnitRegistered: ({ data: d }, tx, t) =>
      tx.query(`insert into "${t}" values ($1, $2, $3, $4, $5, $6, $7)`, [
        d.unitCode,
        d.name,
        d.opd,
        d.kind,
        JSON.stringify(d.services),
        d.annualServiceUsers,
        d.registeredOn,
      ]),
    ServiceUnitRevised: ({ data: d }, tx, t) =>
      tx.query(
        `update "${t}" set name = coalesce($2, name), services = coalesce($3::jsonb, services),
        annual_service_users = coalesce($4, annual_service_users) where unit_code = $1`,
        [
          d.unitCode,
          d.changes.name ?? null,
          d.changes.services ? JSON.stringify(d.changes.services) : null,
          d.changes.annualServiceUsers ?? null,
        ],
      ),
  },
});
