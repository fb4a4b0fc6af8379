import type { ExternalLearningEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/**
 * One row per piece of external learning: what was recorded, and the officer's decision. Verified
 * rows are JP credits (queries/jp-credits.sql.ts adds them to the programmes' completions). `year`:
 * the year of the end date (the ledger year the JP count in); `completed_on`: the end date, set on
 * verification as enrolment_history sets it on completion. No rejection note: it is personal data,
 * sealed in the log; the coded reason is what reports count.
 */
export const externalLearningProjection = projection<ExternalLearningEvent>({
  name: 'external_learning',
  version: 1,
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      learning_id text primary key, nip text not null, opd text not null, service_unit text,
      form text not null, title text not null, provider text not null, start_date date not null, end_date date not null,
      minutes integer not null, competency_type text, competency_area text,
      evidence_kind text not null, evidence_reference text, evidence_sha256 text, evidence_url text,
      provider_certificate_number text, status text not null, year integer not null,
      jp_earned integer not null default 0, jp_credited integer not null default 0, cap_applied boolean not null default false,
      completed_on date, recorded_on date not null, verified_on date, rejected_on date, rejection_reason text,
      updated_at timestamptz not null)`);
    await tx.query(`create index on "${t}" (nip, year)`);
    await tx.query(`create index on "${t}" (opd, year)`);
    await tx.query(`create index on "${t}" (status, recorded_on)`);
  },
  on: {
    ExternalLearningRecorded: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `insert into "${t}" (learning_id, nip, opd, service_unit, form, title, provider, start_date, end_date, minutes,
           competency_type, competency_area, evidence_kind, evidence_reference, evidence_sha256, evidence_url,
           provider_certificate_number, status, year, recorded_on, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'recorded', $18, $19, $20)
         on conflict (learning_id) do nothing`,
        [
          d.learningId,
          d.nip,
          d.workUnit.opd,
          d.workUnit.serviceUnit ?? null,
          d.form,
          d.title,
          d.provider,
          d.startDate,
          d.endDate,
          d.minutes,
          d.competencyType,
          d.competencyArea,
          d.evidence.kind,
          d.evidence.kind === 'document' ? d.evidence.reference : null,
          d.evidence.kind === 'document' ? d.evidence.sha256 : null,
          d.evidence.kind === 'url' ? d.evidence.url : null,
          d.providerCertificateNumber,
          Number(d.endDate.slice(0, 4)),
          d.recordedOn,
          occurredAt,
        ],
      ),
    ExternalLearningVerified: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `update "${t}" set status = 'verified', jp_credited = $2, jp_earned = $3, cap_applied = $4, year = $5,
           completed_on = $6, verified_on = $7, updated_at = $8 where learning_id = $1`,
        [d.learningId, d.jpCredited, d.jpEarned, d.capApplied, d.year, d.completedOn, d.verifiedOn, occurredAt],
      ),
    ExternalLearningRejected: ({ data: d, occurredAt }, tx, t) =>
      tx.query(
        `update "${t}" set status = 'rejected', rejected_on = $2, rejection_reason = $3, updated_at = $4 where learning_id = $1`,
        [d.learningId, d.rejectedOn, d.reason, occurredAt],
      ),
  },
});
