import type { EventContract } from '../event-contract';
import type { WorkUnit } from './shared.types';

/** What a certificate attests: a completed Kompeten programme, or a competency certification (assessment service). */
export const CERTIFICATE_KINDS = ['training', 'competency'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Why a certificate is revoked (coded: the free-text note beside it is sealed personal data). */
export const CERTIFICATE_REVOCATION_REASONS = [
  'issued-in-error',
  'completion-annulled',
  'certification-withdrawn',
  'misconduct',
  'other',
] as const;
export type CertificateRevocationReason = (typeof CERTIFICATE_REVOCATION_REASONS)[number];

// Stream `certificate-<number>`: one certificate. The number is derived from what it attests (kind and
// source id), so a redelivered completion finds its certificate already issued and appends nothing.

export type CertificateIssued = {
  type: 'CertificateIssued';
  data: {
    /** `KPT-<year>-XXXX-XXXX`: the year of completion/certification and 8 Crockford base32 characters. */
    number: string;
    kind: CertificateKind;
    /** The enrolmentId (training) or certificationId (competency) it attests. */
    sourceId: string;
    nip: string;
    /** The holder's unit when it was issued. */
    workUnit: WorkUnit;
    /** The programme's title; for a competency, its name and level. */
    title: string;
    /** Who organised or certified (BKPSDM unless the programme names a partner). */
    provider: string;
    programmeId: string | null;
    competencyCode: string | null;
    level: number | null;
    completedOn: string;
    /** The JP credited by the completion; 0 for a competency certificate. */
    jp: number;
    issuedOn: string;
    /** The first day it is no longer valid (competency certificates); null: it never expires. */
    expiresOn: string | null;
  };
};
/** `note` is personal data (subject `staff:<nip>`), sealed in the log. */
export type CertificateRevoked = {
  type: 'CertificateRevoked';
  data: { number: string; reason: CertificateRevocationReason; note: string | null; revokedOn: string };
};
export type CertificateDisclosureChosen = {
  type: 'CertificateDisclosureChosen';
  data: { number: string; showHolderName: boolean; chosenOn: string };
};

export type CertificateEvent = CertificateIssued | CertificateRevoked | CertificateDisclosureChosen;

const C = 'certificate-<number>';
export const CERTIFICATE_EVENTS: EventContract[] = [
  {
    type: 'CertificateIssued',
    version: 1,
    service: 'enrolment',
    stream: C,
    description:
      'A numbered certificate for a completed programme (on TrainingCompleted) or a competency certification (on the assessment service’s CompetencyCertified): holder NIP and unit, title, provider, completion date, JP, expiry (competency only). Issued once per source: the number is derived from kind and source id.',
  },
  {
    type: 'CertificateRevoked',
    version: 1,
    service: 'enrolment',
    stream: C,
    description:
      'An officer revokes the certificate with a coded reason and an optional note; public verification answers revoked from then on. The note is personal data (subject staff:<nip>), sealed.',
    personalFields: ['note'],
  },
  {
    type: 'CertificateDisclosureChosen',
    version: 1,
    service: 'enrolment',
    stream: C,
    description: 'The holder chooses whether public verification shows their name (it does not unless they chose so).',
  },
];
