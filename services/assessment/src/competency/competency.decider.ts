import type { CompetencyEvent } from '@kompeten/contracts';
import { type Decider, DomainError } from '@kompeten/domain';
import { nationalCompetency } from './national-competencies';

export type CompetencyCommand =
  | {
      type: 'DefineCompetency';
      code: string;
      name: string;
      description: string | null;
      levelDescriptions: string[] | null;
    }
  | { type: 'DefineCompetencyForArea'; code: string; competencyArea: string };

export type CompetencyState =
  { status: 'unknown' } | { status: 'defined'; origin: 'agency' | 'on-demand'; name: string };

const problems = {
  reserved: (code: string) =>
    DomainError.conflict(
      'competency-reserved',
      'National competency',
      `${code} is a national competency of PermenPANRB 38/2017; only teknis competencies are defined per agency`,
      { errors: [{ field: 'code', message: 'is reserved' }] },
    ),
  exists: (code: string) =>
    DomainError.conflict(
      'competency-exists',
      'Competency already defined',
      `competency ${code} is already in the dictionary`,
    ),
};

/**
 * The agency's teknis competencies, one stream each. A competency created on demand (a programme
 * named its area first) may be defined properly once by the agency; an agency definition is final.
 */
export const competencyDecider: Decider<CompetencyCommand, CompetencyState, CompetencyEvent> = {
  initialState: () => ({ status: 'unknown' }),

  decide(command, state) {
    if (nationalCompetency(command.code)) throw problems.reserved(command.code);
    switch (command.type) {
      case 'DefineCompetency': {
        if (state.status === 'defined' && state.origin === 'agency') {
          if (state.name === command.name) return []; // a resend
          throw problems.exists(command.code);
        }
        const { code, name, description, levelDescriptions } = command;
        return [
          {
            type: 'CompetencyDefined',
            data: {
              code,
              name,
              competencyType: 'teknis',
              description,
              levelDescriptions,
              origin: 'agency',
              competencyArea: null,
            },
          },
        ];
      }
      case 'DefineCompetencyForArea':
        if (state.status === 'defined') return [];
        return [
          {
            type: 'CompetencyDefined',
            data: {
              code: command.code,
              name: command.competencyArea,
              competencyType: 'teknis',
              description: null,
              levelDescriptions: null,
              origin: 'on-demand',
              competencyArea: command.competencyArea,
            },
          },
        ];
      default: {
        const never: never = command;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },

  evolve(_state, event) {
    return { status: 'defined', origin: event.data.origin, name: event.data.name };
  },
};

export const competencyStreamId = (code: string) => `competency-${code}`;
