import type { PositionStandardEvent } from '@kompeten/contracts';
import { type Decider, DomainError } from '@kompeten/domain';

export interface Requirement {
  competencyCode: string;
  level: number;
}

export type PositionStandardCommand = {
  type: 'SetPositionStandard';
  positionKey: string;
  position: string;
  requirements: Requirement[];
  /** Which of the named competencies are in the dictionary (the handler asks the log). */
  unknownCodes: string[];
};

export type PositionStandardState = { requirements: Requirement[] | null };

const invalid = (field: string, message: string) => DomainError.invalid(field, message);

const sameSet = (a: Requirement[], b: Requirement[]) =>
  a.length === b.length && a.every((r) => b.some((x) => x.competencyCode === r.competencyCode && x.level === r.level));

/** The required level (1..5) per competency of one position (standar kompetensi jabatan); each set replaces the last. */
export const positionStandardDecider: Decider<PositionStandardCommand, PositionStandardState, PositionStandardEvent> = {
  initialState: () => ({ requirements: null }),

  decide(c, state) {
    c.requirements.forEach((r, i) => {
      if (!Number.isInteger(r.level) || r.level < 1 || r.level > 5)
        throw invalid(`requirements[${i}].level`, 'must be a level from 1 to 5');
      if (c.requirements.findIndex((x) => x.competencyCode === r.competencyCode) !== i) {
        throw invalid(`requirements[${i}].competencyCode`, `${r.competencyCode} is named twice`);
      }
      if (c.unknownCodes.includes(r.competencyCode)) {
        throw invalid(`requirements[${i}].competencyCode`, `${r.competencyCode} is not in the competency dictionary`);
      }
    });
    if (state.requirements && sameSet(state.requirements, c.requirements)) return [];
    return [
      {
        type: 'PositionStandardSet',
        data: { positionKey: c.positionKey, position: c.position, requirements: c.requirements },
      },
    ];
  },

  evolve: (_state, event) => ({ requirements: event.data.requirements }),
};

export const positionStandardStreamId = (positionKey: string) => `position-standard-${positionKey}`;
