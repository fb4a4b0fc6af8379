import type { CertificateEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * One row per certificate: what it attests, its holder's NIP and unit at issue, and whether it was
 * revoked (the coded reason; the sealed note stays in the log) — what the staff member's list of
 * certificates and the national export read. Whether a competency certificate has expired is a
 * question of the day asked (expires_on against the city's today), so not kept here. No names.
 */
export const certificateRegisterProjection = projection<CertificateEvent>({
  name: 'certificate_register',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      number text primary key, kind text not null, source_id text not null, nip text not null,
      opd text not null, service_unit text, title text not null, provider text not null,
      programme_id text, competency_code text, level integer, completed_on date not null,
      jp integer not null default 0, issued_on date not null, expires_on date,
      status text not null default 'issued', revoked_on date, revocation_reason text,
      show_holder_name boolean not null default false,
      unique (kind, source_id))`);
    await tx.query(`create index on "${t}" (nip)`);
    await tx.query(`create index on "${t}" (opd)`);
  },
  on: {
    CertificateIssued: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (number, kind, source_id, nip, opd, service_unit, title, provider, programme_id,
           competency_code, level, completed_on, jp, issued_on, expires_on)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         on conflict (number) do nothing`,
        [
          d.number,
          d.kind,
          d.sourceId,
          d.nip,
          d.workUnit.opd,
          d.workUnit.serviceUnit ?? null,
          d.title,
          d.provider,
          d.programmeId,
          d.competencyCode,
          d.level,
          d.completedOn,
          d.jp,
          d.issuedOn,
          d.expiresOn,
        ],
      ),
    CertificateRevoked: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'revoked', revoked_on = $2, revocation_reason = $3 where number = $1`, [
        d.number,
        d.revokedOn,
        d.reason,
      ]),
    CertificateDisclosureChosen: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set show_holder_name = $2 where number = $1`, [d.number, d.showHolderName]),
  },
});
