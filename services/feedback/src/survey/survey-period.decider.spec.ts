import { DomainError, fold, givenEvents } from '@kompeten/domain';
import { ikmOf } from '../ikm/ikm';
import { parsePeriod } from '../ikm/survey-period';
import { serviceUnitDecider } from '../service-unit/service-unit.decider';
import { ClosePeriodCommand, surveyPeriodDecider } from './survey-period.decider';

const unit = fold(serviceUnitDecider, [
  {
    type: 'ServiceUnitRegistered',
    data: {
      unitCode: 'PKM-GB',
      name: 'Puskesmas Gulai Bancah',
      opd: 'DINKES',
      kind: 'puskesmas',
      annualServiceUsers: 400,
      services: [],
      registeredOn: '2026-01-05',
    },
  },
]);
const ikm = ikmOf({ u1: 7, u2: 7, u3: 6, u4: 8, u5: 6, u6: 7, u7: 8, u8: 6, u9: 6 }, 2);
const close: ClosePeriodCommand = {
  type: 'ClosePeriod',
  unitCode: 'PKM-GB',
  period: parsePeriod('2026-Q1')!,
  unit,
  ikm,
  sampleTarget: 80,
  today: '2026-04-02',
};

describe('publishing a unit’s IKM for a period', () => {
  it('records the figures as they stand, with the sample target and whether it was met', () => {
    expect(givenEvents(surveyPeriodDecider, []).when(close)).toEqual([
      {
        type: 'SurveyPeriodClosed',
        data: {
          unitCode: 'PKM-GB',
          period: '2026-Q1',
          responses: 2,
          nrr: ikm!.nrr,
          ikm: 84.72,
          grade: 'B',
          sampleTarget: 80,
          sampleAdequate: false,
          closedOn: '2026-04-02',
        },
      },
    ]);
  });

  it('waits until the period has ended, and publishes once', () => {
    expect(() => givenEvents(surveyPeriodDecider, []).when({ ...close, today: '2026-03-31' })).toThrow(DomainError);
    expect(givenEvents(surveyPeriodDecider, givenEvents(surveyPeriodDecider, []).when(close)).when(close)).toEqual([]);
  });
});
