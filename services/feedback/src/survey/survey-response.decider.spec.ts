import type { SkmScores, SurveyResponseEvent } from '@kompeten/contracts';
import { DomainError, fold, givenEvents } from '@kompeten/domain';
import { serviceUnitDecider } from '../service-unit/service-unit.decider';
import { SurveyResponseCommand, surveyResponseDecider } from './survey-response.decider';

const unit = fold(serviceUnitDecider, [
  {
    type: 'ServiceUnitRegistered',
    data: {
      unitCode: 'PKM-GB',
      name: 'Puskesmas Gulai Bancah',
      opd: 'DINKES',
      kind: 'puskesmas',
      annualServiceUsers: 12000,
      services: [{ code: 'POLI-UMUM', name: 'Poli umum' }],
      registeredOn: '2026-01-05',
    },
  },
]);
const scores: SkmScores = { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 };
const submit = (
  over: Partial<Extract<SurveyResponseCommand, { type: 'SubmitSurveyResponse' }>> = {},
): SurveyResponseCommand => ({
  type: 'SubmitSurveyResponse',
  submissionId: 's-1',
  unitCode: 'PKM-GB',
  unit,
  closedPeriods: [],
  serviceCode: 'POLI-UMUM',
  servedOn: '2026-03-14',
  scores,
  servedBy: null,
  comment: 'Perawatnya ramah',
  contact: null,
  respondent: null,
  channel: 'kiosk',
  today: '2026-03-15',
  ...over,
});
const submitted: SurveyResponseEvent = {
  type: 'SurveyResponseSubmitted',
  data: {
    submissionId: 's-1',
    unitCode: 'PKM-GB',
    opd: 'DINKES',
    serviceCode: 'POLI-UMUM',
    servedOn: '2026-03-14',
    scores,
    servedBy: null,
    comment: 'Perawatnya ramah',
    contact: null,
    respondent: null,
    channel: 'kiosk',
  },
};
const given = (...events: SurveyResponseEvent[]) => givenEvents(surveyResponseDecider, events);
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return {
      kind: (e as DomainError).kind,
      field: ((e as DomainError).extensions.errors as { field: string }[] | undefined)?.[0]?.field,
    };
  }
  throw new Error('expected a refusal');
};

describe('survey responses', () => {
  it('records a response with the unit’s OPD', () => {
    expect(given().when(submit())).toEqual([submitted]);
  });

  it('ignores the same submission sent again', () => {
    expect(given(submitted).when(submit({ comment: 'resent' }))).toEqual([]);
  });

  it.each([
    ['an unknown unit', { unit: { status: 'unknown' as const } }, 'unitCode'],
    ['a service the unit does not offer', { serviceCode: 'IGD' }, 'serviceCode'],
    ['a date in the future', { servedOn: '2026-03-16' }, 'servedOn'],
    ['a score outside 1..4', { scores: { ...scores, u6: 5 } }, 'scores.u6'],
    ['a missing element', { scores: { ...scores, u9: undefined } as unknown as SkmScores }, 'scores.u9'],
    ['an oversized comment', { comment: 'x'.repeat(2001) }, 'comment'],
  ])('refuses %s, naming the field', (_, over, field) => {
    expect(fieldOf(() => given().when(submit(over)))).toEqual({ kind: 'invalid', field });
  });

  it('refuses a response for a period whose IKM has been published', () => {
    expect(fieldOf(() => given().when(submit({ closedPeriods: ['2026-Q1'] }))).kind).toBe('conflict');
  });

  it('voids a response once, and refuses to void an unknown one', () => {
    const rejected = {
      type: 'SurveyResponseRejected',
      data: { submissionId: 's-1', unitCode: 'PKM-GB', servedOn: '2026-03-14', reason: 'spam', note: null },
    };
    expect(
      given(submitted).when({ type: 'RejectSurveyResponse', submissionId: 's-1', reason: 'spam', note: null }),
    ).toEqual([rejected]);
    expect(
      given(submitted, rejected as SurveyResponseEvent).when({
        type: 'RejectSurveyResponse',
        submissionId: 's-1',
        reason: 'spam',
        note: null,
      }),
    ).toEqual([]);
    expect(
      fieldOf(() => given().when({ type: 'RejectSurveyResponse', submissionId: 's-1', reason: 'spam', note: null }))
        .kind,
    ).toBe('not-found');
  });
});
