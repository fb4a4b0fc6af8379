import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** Every certification: valid, superseded by a newer one of the same competency, or expired. The expiry check reads it. */
export const certificationsProjection = projection<AssessmentRecordEvent>({
  name: 'certifications',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      certification_id text primary key, nip text not null, competency_code text not null, level integer not null, required_level integer not null,
      assessment_id text not null, programme_id text, certified_on date not null, expires_on date not null, status text not null, expired_detected_on date)`);
    await tx.query(`create index on "${t}" (status, expires_on)`);
    await tx.query(`create index on "${t}" (nip)`);
  },
  on: {
    CompetencyCertified: async ({ data: d }, tx, t) => {
      await tx.query(
        `update "${t}" set status = 'superseded' where nip = $1 and competency_code = $2 and status = 'valid'`,
        [d.nip, d.competencyCode],
      );
      await tx.query(
        `insert into "${t}" (certification_id, nip, competency_code, level, required_level, assessment_id, programme_id, certified_on, expires_on, status)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'valid')`,
        [
          d.certificationId,
          d.nip,
          d.competencyCode,
          d.level,
          d.requiredLevel,
          d.assessmentId,
          d.programmeId,
          d.certifiedOn,
          d.expiresOn,
        ],
      );
    },
    CertificationExpired: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'expired', expired_detected_on = $2 where certification_id = $1`, [
        d.certificationId,
        d.detectedOn,
      ]),
  },
});
