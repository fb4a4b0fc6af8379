import type { EventContract } from '../event-contract';

/** Why a person's data was erased (no free text: a note could itself carry personal data). */
export type ErasureReason =
  /** The person asked (UU 27/2022 art. 8: the right to have their data erased). */
  | 'data-subject-request'
  /** The person withdrew the consent the data was collected under (art. 9). */
  | 'consent-withdrawn'
  /** The retention period for the data has ended (art. 43). */
  | 'retention-expired'
  /** The data was collected or processed unlawfully (art. 43). */
  | 'unlawful-processing';

export const ERASURE_REASONS: ErasureReason[] = [
  'data-subject-request',
  'consent-withdrawn',
  'retention-expired',
  'unlawful-processing',
];

/** Whose data: a staff member (by NIP) or a citizen who answered a survey (by submission). */
export type ErasureSubjectKind = 'staff' | 'respondent';

/**
 * Stream `personal-data-erasure-<subjectKeyId>`, in the log of every service that was asked (each
 * service records its own erasure). Carries no personal data: the person is named only by the opaque
 * id of their (now deleted) key in this service's es_personal_key, and the places by position.
 */
export type PersonalDataErased = {
  type: 'PersonalDataErased';
  data: {
    /** One id for one erasure request across every service (the gateway's or the tool's). */
    erasureId: string;
    subjectKind: ErasureSubjectKind;
    /** es_personal_key.key_id of the person's key in this service: opaque, not derived from the person. */
    subjectKeyId: string;
    reason: ErasureReason;
    /** Every sealed field of the person this service's log held, by position (stream ids may name the person). */
    places: { position: number; type: string; field: string }[];
  };
};

export const PERSONAL_DATA_EVENTS: EventContract[] = [
  {
    type: 'PersonalDataErased',
    version: 1,
    service: 'enrolment',
    alsoProducedBy: ['assessment', 'budget', 'feedback'],
    stream: 'personal-data-erasure-<subjectKeyId>',
    description:
      'A person’s personal data was erased from this service (crypto-shredding: their key deleted, their sealed fields read as null from now on). Appended by every service asked, each in its own log; names the person only by the opaque id of the deleted key, and the fields by position.',
  },
];
