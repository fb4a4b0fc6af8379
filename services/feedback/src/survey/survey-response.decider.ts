import { MAX_COMMENT_LENGTH, SKM_ELEMENTS } from '@kompeten/contracts';
import type {
  RespondentProfile,
  SkmScores,
  SurveyResponseEvent,
  SurveyResponseRejected,
  SurveyResponseSubmitted,
} from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { ServiceUnitState } from '../service-unit/service-unit.decider';
import { problems } from '../shared/feedback.problems';

/** Longest comment kept (characters); longer ones are refused, not cut. */
export { MAX_COMMENT_LENGTH };

export type SurveyResponseCommand =
  | {
      type: 'SubmitSurveyResponse';
      submissionId: string;
      unitCode: string;
      /** The unit as its own stream has it now (the handler loads it). */
      unit: ServiceUnitState;
      /** Ids of closed periods that contain servedOn (the handler looks them up). */
      closedPeriods: string[];
      serviceCode: string;
      servedOn: string;
      scores: SkmScores;
      servedBy: string | null;
      comment: string | null;
      contact: string | null;
      respondent: RespondentProfile | null;
      channel: SurveyResponseSubmitted['data']['channel'];
      /** The city's date (WIB, UTC+7): a kiosk at 06:00 WIB is still on yesterday's date in UTC. */
      today: string;
    }
  | {
      type: 'RejectSurveyResponse';
      submissionId: string;
      reason: SurveyResponseRejected['data']['reason'];
      note: string | null;
    };

export type SurveyResponseState =
  { status: 'none' } | { status: 'submitted' | 'rejected'; submissionId: string; unitCode: string; servedOn: string };

function checkScores(scores: SkmScores) {
  for (const u of SKM_ELEMENTS) {
    const v = scores?.[u];
    if (!Number.isInteger(v) || v < 1 || v > 4)
      throw problems.invalid(`scores.${u}`, 'each of the nine elements is answered with an integer from 1 to 4');
  }
}

export const surveyResponseDecider: Decider<SurveyResponseCommand, SurveyResponseState, SurveyResponseEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'SubmitSurveyResponse': {
        if (state.status !== 'none') return []; // the same submission again (a kiosk retry): already counted
        const { unit, submissionId, unitCode, serviceCode, servedOn, today } = command;
        if (unit.status === 'unknown') throw problems.invalid('unitCode', `no service unit ${unitCode}`);
        if (!unit.services.some((s) => s.code === serviceCode))
          throw problems.invalid('serviceCode', `${unitCode} offers no service ${serviceCode}`);
        if (servedOn > today) throw problems.invalid('servedOn', `must not be in the future (today is ${today})`);
        checkScores(command.scores);
        if ((command.comment?.length ?? 0) > MAX_COMMENT_LENGTH)
          throw problems.invalid('comment', `must be at most ${MAX_COMMENT_LENGTH} characters`);
        if (command.closedPeriods.length) throw problems.periodClosed(unitCode, command.closedPeriods[0]);
        const scores = Object.fromEntries(SKM_ELEMENTS.map((u) => [u, command.scores[u]])) as SkmScores;
        return [
          {
            type: 'SurveyResponseSubmitted',
            data: {
              submissionId,
              unitCode,
              opd: unit.opd,
              serviceCode,
              servedOn,
              scores,
              servedBy: command.servedBy,
              comment: command.comment,
              contact: command.contact,
              respondent: command.respondent,
              channel: command.channel,
            },
          },
        ];
      }
      case 'RejectSurveyResponse': {
        if (state.status === 'none') throw problems.responseNotFound(command.submissionId);
        if (state.status === 'rejected') return [];
        const { submissionId, unitCode, servedOn } = state;
        return [
          {
            type: 'SurveyResponseRejected',
            data: { submissionId, unitCode, servedOn, reason: command.reason, note: command.note },
          },
        ];
      }
      default: {
        const never: never = command;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SurveyResponseSubmitted': {
        const { submissionId, unitCode, servedOn } = event.data;
        return { status: 'submitted', submissionId, unitCode, servedOn };
      }
      case 'SurveyResponseRejected':
        return state.status === 'none' ? state : { ...state, status: 'rejected' };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};

export const surveyResponseStreamId = (submissionId: string) => `survey-response-${submissionId}`;
/** Whose personal data a response's comment and contact are. */
export const respondentSubject = (submissionId: string) => `respondent:${submissionId}`;
