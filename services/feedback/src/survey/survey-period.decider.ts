import type { SurveyPeriodClosed } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { IkmResult } from '../ikm/ikm';
import type { SurveyPeriod } from '../ikm/survey-period';
import type { ServiceUnitState } from '../service-unit/service-unit.decider';
import { problems } from '../shared/feedback.problems';

export type ClosePeriodCommand = {
  type: 'ClosePeriod';
  unitCode: string;
  period: SurveyPeriod;
  unit: ServiceUnitState;
  /** The IKM as the caught-up read model has it (null without responses). */
  ikm: IkmResult | null;
  sampleTarget: number;
  today: string;
};
export type SurveyPeriodState = { closed: boolean };

/** Publishing a unit's IKM for a period: once the period has ended, once only. */
export const surveyPeriodDecider: Decider<ClosePeriodCommand, SurveyPeriodState, SurveyPeriodClosed> = {
  initialState: () => ({ closed: false }),
  evolve: () => ({ closed: true }),
  decide(command, state) {
    if (state.closed) return [];
    const { unitCode, period, unit, ikm, sampleTarget, today } = command;
    if (unit.status === 'unknown') throw problems.unitNotFound(unitCode);
    if (period.end >= today) throw problems.periodNotEnded(period.id, period.end);
    const responses = ikm?.responses ?? 0;
    return [
      {
        type: 'SurveyPeriodClosed',
        data: {
          unitCode,
          period: period.id,
          responses,
          nrr: ikm?.nrr ?? null,
          ikm: ikm?.ikmRounded ?? null,
          grade: ikm?.grade ?? null,
          sampleTarget,
          sampleAdequate: responses >= sampleTarget,
          closedOn: today,
        },
      },
    ];
  },
};

export const surveyPeriodStreamId = (unitCode: string, periodId: string) => `survey-period-${unitCode}-${periodId}`;
