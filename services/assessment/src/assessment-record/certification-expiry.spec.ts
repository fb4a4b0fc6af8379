import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { ENROLMENT, given, NIP, postScheduled, preScheduled, recordCommand } from '../../test/assessment-record.mother';

const certifiedEvents = given(postScheduled).when(recordCommand({ score: 95 }));
const certified = certifiedEvents[1] as Extract<AssessmentRecordEvent, { type: 'CompetencyCertified' }>;
const expire = (asOf: string, certificationId = certified.data.certificationId) =>
  ({ type: 'ExpireCertification', nip: NIP, certificationId, asOf }) as const;

describe('certification expiry', () => {
  it('expires a certification on its expiry date, not before', () => {
    expect(given(postScheduled, ...certifiedEvents).when(expire('2029-02-09'))).toEqual([]);
    expect(given(postScheduled, ...certifiedEvents).when(expire('2029-02-10'))).toEqual([
      {
        type: 'CertificationExpired',
        data: {
          certificationId: certified.data.certificationId,
          nip: NIP,
          competencyCode: 'manajemen-pasien',
          level: 5,
          expiresOn: '2029-02-10',
          detectedOn: '2029-02-10',
        },
      },
    ]);
  });

  it('expires a certification once: a second check changes nothing', () => {
    const [expired] = given(postScheduled, ...certifiedEvents).when(expire('2029-03-01'));
    expect(given(postScheduled, ...certifiedEvents, expired).when(expire('2029-04-01'))).toEqual([]);
  });

  it('leaves a superseded certification alone: a newer one replaced it', () => {
    const renewed: AssessmentRecordEvent = {
      type: 'CompetencyCertified',
      data: { ...certified.data, certificationId: 'cert-renewed', certifiedOn: '2028-12-01', expiresOn: '2031-12-01' },
    };
    expect(given(postScheduled, ...certifiedEvents, renewed).when(expire('2029-03-01'))).toEqual([]);
  });
});

describe('cancelling what was still due', () => {
  it('cancels the open assessments of a withdrawn enrolment, never a recorded one', () => {
    const recordedPre: AssessmentRecordEvent = {
      type: 'AssessmentRecorded',
      data: {
        ...preScheduled.data,
        assessor: 'a',
        method: 'test',
        score: 40,
        level: 1,
        assessedOn: '2026-01-10',
        late: false,
        learningGain: null,
      },
    };
    expect(
      given(preScheduled).when({
        type: 'CancelOpenAssessments',
        nip: NIP,
        enrolmentId: ENROLMENT,
        reason: 'enrolment-withdrawn',
      }),
    ).toEqual([
      {
        type: 'AssessmentCancelled',
        data: { assessmentId: `${ENROLMENT}-pre`, nip: NIP, enrolmentId: ENROLMENT, reason: 'enrolment-withdrawn' },
      },
    ]);
    expect(
      given(preScheduled, recordedPre).when({
        type: 'CancelOpenAssessments',
        nip: NIP,
        enrolmentId: ENROLMENT,
        reason: 'enrolment-withdrawn',
      }),
    ).toEqual([]);
  });

  it('cancels by programme when the programme is cancelled, and nothing for an unknown staff member', () => {
    expect(
      given(preScheduled).when({
        type: 'CancelOpenAssessments',
        nip: NIP,
        programmeId: 'kom-2026',
        reason: 'programme-cancelled',
      }),
    ).toHaveLength(1);
    expect(
      given().when({ type: 'CancelOpenAssessments', nip: NIP, programmeId: 'kom-2026', reason: 'programme-cancelled' }),
    ).toEqual([]);
  });
});
