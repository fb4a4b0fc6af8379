import type { DataSource } from 'typeorm';
import { learningGroupOf, type ExternalLearningForm } from '@kompeten/contracts';
import type { ExternalLearningSchema, Static } from '@kompeten/api';

export type ExternalLearningView = Static<typeof ExternalLearningSchema>;

/** A row of external_learning (external-learning.projection.ts), its dates as `YYYY-MM-DD` text. */
interface Row {
  learning_id: string;
  form: ExternalLearningForm;
  title: string;
  provider: string;
  start_date: string;
  end_date: string;
  minutes: number;
  competency_type: ExternalLearningView['competencyType'];
  competency_area: string | null;
  evidence_kind: 'document' | 'url';
  evidence_reference: string | null;
  evidence_sha256: string | null;
  evidence_url: string | null;
  provider_certificate_number: string | null;
  status: ExternalLearningView['status'];
  year: number;
  jp_earned: number;
  jp_credited: number;
  cap_applied: boolean;
  recorded_on: string;
  verified_on: string | null;
  rejected_on: string | null;
  rejection_reason: ExternalLearningView['rejectionReason'];
}

/** A staff member's external learning from the read model, newest first (the list and the staff record). */
export async function readExternalLearning(
  db: Pick<DataSource, 'query'>,
  nip: string,
): Promise<ExternalLearningView[]> {
  // Dates as text: node-postgres would turn a `date` into a Date at the server's local midnight.
  const rows = await db.query<Row[]>(
    `select learning_id, form, title, provider, start_date::text as start_date, end_date::text as end_date, minutes,
            competency_type, competency_area, evidence_kind, evidence_reference, evidence_sha256, evidence_url,
            provider_certificate_number, status, year, jp_earned, jp_credited, cap_applied, recorded_on::text as recorded_on,
            verified_on::text as verified_on, rejected_on::text as rejected_on, rejection_reason
       from external_learning where nip = $1 order by end_date desc, learning_id desc`,
    [nip],
  );
  return rows.map((r) => ({
    learningId: r.learning_id,
    form: r.form,
    group: learningGroupOf(r.form),
    title: r.title,
    provider: r.provider,
    startDate: r.start_date,
    endDate: r.end_date,
    minutes: r.minutes,
    competencyType: r.competency_type,
    competencyArea: r.competency_area,
    evidence:
      r.evidence_kind === 'url'
        ? { kind: 'url' as const, url: r.evidence_url! }
        : { kind: 'document' as const, reference: r.evidence_reference!, sha256: r.evidence_sha256! },
    providerCertificateNumber: r.provider_certificate_number,
    status: r.status,
    year: r.year,
    jpEarned: r.jp_earned,
    jpCredited: r.jp_credited,
    capApplied: r.cap_applied,
    recordedOn: r.recorded_on,
    verifiedOn: r.verified_on,
    rejectedOn: r.rejected_on,
    rejectionReason: r.rejection_reason,
  }));
}
