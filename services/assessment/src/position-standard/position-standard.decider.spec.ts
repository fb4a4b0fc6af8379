import type { PositionStandardSet } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import { PositionStandardCommand, positionStandardDecider } from './position-standard.decider';

const given = (...events: PositionStandardSet[]) => givenEvents(positionStandardDecider, events);
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};
const set = (
  requirements: PositionStandardCommand['requirements'],
  unknownCodes: string[] = [],
): PositionStandardCommand => ({
  type: 'SetPositionStandard',
  positionKey: 'perawat',
  position: 'Perawat',
  requirements,
  unknownCodes,
});
const standard: PositionStandardSet = {
  type: 'PositionStandardSet',
  data: {
    positionKey: 'perawat',
    position: 'Perawat',
    requirements: [
      { competencyCode: 'komunikasi', level: 3 },
      { competencyCode: 'manajemen-pasien', level: 4 },
    ],
  },
};

describe('position standards (required levels per position)', () => {
  it('sets the required level per competency', () => {
    expect(given().when(set(standard.data.requirements))).toEqual([standard]);
  });
  it('takes the same set again, in any order, as already done; a changed set replaces it', () => {
    expect(given(standard).when(set([...standard.data.requirements].reverse()))).toEqual([]);
    expect(given(standard).when(set([{ competencyCode: 'komunikasi', level: 4 }]))[0].data.requirements).toEqual([
      { competencyCode: 'komunikasi', level: 4 },
    ]);
  });
  it('refuses a level outside 1..5, naming the field', () => {
    expect(problemOf(() => given().when(set([{ competencyCode: 'komunikasi', level: 6 }]))).extensions.errors).toEqual([
      { field: 'requirements[0].level', message: 'must be a level from 1 to 5' },
    ]);
  });
  it('refuses a competency named twice or missing from the dictionary', () => {
    expect(
      problemOf(() =>
        given().when(
          set([
            { competencyCode: 'komunikasi', level: 2 },
            { competencyCode: 'komunikasi', level: 3 },
          ]),
        ),
      ).message,
    ).toMatch(/requirements\[1\]\.competencyCode/);
    expect(problemOf(() => given().when(set([{ competencyCode: 'nope', level: 2 }], ['nope']))).kind).toBe('invalid');
  });
});
