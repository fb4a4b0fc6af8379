import type { EventContract } from '../event-contract';

/** The nine SKM elements (unsur) of PermenPANRB 14/2017, in the regulation's order: u1 … u9. */
export const SKM_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];
/** One answer per element, each 1..4. */
export type SkmScores = Record<SkmElement, number>;

export const SERVICE_UNIT_KINDS = ['puskesmas', 'hospital', 'counter', 'school', 'office', 'other'] as const;
export type ServiceUnitKind = (typeof SERVICE_UNIT_KINDS)[number];

/** A service the unit offers (what a respondent says they used). */
export interface UnitService {
  code: string;
  name: string;
}

/** Optional respondent profile, coarse categories only (nothing that identifies a person). */
export interface RespondentProfile {
  gender?: 'L' | 'P' | null;
  ageGroup?: '<20' | '20-29' | '30-39' | '40-49' | '50-59' | '60+' | null;
  education?: 'none' | 'sd' | 'smp' | 'sma' | 'diploma' | 's1' | 's2+' | null;
  occupation?: 'pns' | 'tni-polri' | 'private' | 'self-employed' | 'student' | 'other' | null;
}

/** Stream `service-unit-<unitCode>`. `annualServiceUsers` is the population N for the Krejcie–Morgan sample target. */
export type ServiceUnitRegistered = {
  type: 'ServiceUnitRegistered';
  data: {
    unitCode: string;
    name: string;
    opd: string;
    kind: ServiceUnitKind;
    services: UnitService[];
    annualServiceUsers: number;
    registeredOn: string;
  };
};
export type ServiceUnitRevised = {
  type: 'ServiceUnitRevised';
  data: { unitCode: string; changes: { name?: string; services?: UnitService[]; annualServiceUsers?: number } };
};

/**
 * Stream `survey-response-<submissionId>` (one stream per response: a kiosk's append never contends
 * with another's, and a resent submission finds its stream and changes nothing).
 * `comment` and `contact` are personal data (subject `respondent:<submissionId>`), sealed in the log.
 */
export type SurveyResponseSubmitted = {
  type: 'SurveyResponseSubmitted';
  data: {
    submissionId: string;
    unitCode: string;
    opd: string;
    serviceCode: string;
    servedOn: string;
    scores: SkmScores;
    /** NIP of the staff member who served, when the respondent names one. */
    servedBy: string | null;
    comment: string | null;
    contact: string | null;
    respondent: RespondentProfile | null;
    channel: 'kiosk' | 'qr' | 'web' | 'paper';
  };
};
/** A response voided by the unit (spam, a test, a paper form entered twice); it no longer counts. */
export type SurveyResponseRejected = {
  type: 'SurveyResponseRejected';
  data: {
    submissionId: string;
    unitCode: string;
    servedOn: string;
    reason: 'duplicate' | 'spam' | 'test' | 'other';
    note: string | null;
  };
};
/**
 * Stream `survey-period-<unitCode>-<period>`: the unit's IKM for the period as published. Later
 * responses dated in the period are refused.
 */
export type SurveyPeriodClosed = {
  type: 'SurveyPeriodClosed';
  data: {
    unitCode: string;
    period: string;
    responses: number;
    nrr: SkmScores | null;
    ikm: number | null;
    grade: 'A' | 'B' | 'C' | 'D' | null;
    sampleTarget: number;
    sampleAdequate: boolean;
    closedOn: string;
  };
};

export type ServiceUnitEvent = ServiceUnitRegistered | ServiceUnitRevised;
export type SurveyResponseEvent = SurveyResponseSubmitted | SurveyResponseRejected;
export type FeedbackEvent = ServiceUnitEvent | SurveyResponseEvent | SurveyPeriodClosed;

export const FEEDBACK_EVENTS: EventContract[] = [
  {
    type: 'ServiceUnitRegistered',
    version: 1,
    service: 'feedback',
    stream: 'service-unit-<unitCode>',
    description:
      'A service unit (puskesmas, Disdukcapil counter, …) with its OPD, the services it offers and its yearly number of service users (the Krejcie–Morgan population).',
  },
  {
    type: 'ServiceUnitRevised',
    version: 1,
    service: 'feedback',
    stream: 'service-unit-<unitCode>',
    description: 'A unit’s name, services or yearly number of service users change.',
  },
  {
    type: 'SurveyResponseSubmitted',
    version: 1,
    service: 'feedback',
    stream: 'survey-response-<submissionId>',
    personalFields: ['comment', 'contact'],
    description:
      'A citizen’s SKM answers (nine elements, 1..4) for a service used on a date, optionally naming the staff member who served; comment and contact are sealed per respondent.',
  },
  {
    type: 'SurveyResponseRejected',
    version: 1,
    service: 'feedback',
    stream: 'survey-response-<submissionId>',
    description: 'The unit voids a response (duplicate paper form, spam, test); it no longer counts towards the IKM.',
  },
  {
    type: 'SurveyPeriodClosed',
    version: 1,
    service: 'feedback',
    stream: 'survey-period-<unitCode>-<period>',
    description:
      'The unit’s IKM for a month, quarter or year is published as it stands (n, NRR per element, IKM, grade, sample target); later responses for the period are refused.',
  },
];
