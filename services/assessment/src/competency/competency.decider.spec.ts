import type { CompetencyDefined } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import { CompetencyCommand, competencyDecider } from './competency.decider';

const given = (...events: CompetencyDefined[]) => givenEvents(competencyDecider, events);
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};
const define: CompetencyCommand = {
  type: 'DefineCompetency',
  code: 'manajemen-pasien',
  name: 'Manajemen pasien',
  description: 'Triage and follow-up',
  levelDescriptions: null,
};
const defined: CompetencyDefined = {
  type: 'CompetencyDefined',
  data: {
    code: 'manajemen-pasien',
    name: 'Manajemen pasien',
    competencyType: 'teknis',
    description: 'Triage and follow-up',
    levelDescriptions: null,
    origin: 'agency',
    competencyArea: null,
  },
};
const onDemand: CompetencyDefined = {
  type: 'CompetencyDefined',
  data: {
    code: 'manajemen-pasien',
    name: 'manajemen pasien',
    competencyType: 'teknis',
    description: null,
    levelDescriptions: null,
    origin: 'on-demand',
    competencyArea: 'manajemen pasien',
  },
};

describe('the competency dictionary', () => {
  it('defines a teknis competency of the agency', () => {
    expect(given().when(define)).toEqual([defined]);
  });
  it('refuses to define a national competency of PermenPANRB 38/2017', () => {
    const p = problemOf(() => given().when({ ...define, code: 'integritas' }));
    expect(p).toMatchObject({ kind: 'conflict', slug: 'competency-reserved' });
  });
  it('refuses a second, different agency definition, and takes a resend as done', () => {
    expect(problemOf(() => given(defined).when({ ...define, name: 'Other' })).kind).toBe('conflict');
    expect(given(defined).when(define)).toEqual([]);
  });
  it('creates a competency on demand for a programme’s area, once', () => {
    expect(
      given().when({ type: 'DefineCompetencyForArea', code: 'manajemen-pasien', competencyArea: 'manajemen pasien' }),
    ).toEqual([onDemand]);
    expect(
      given(onDemand).when({
        type: 'DefineCompetencyForArea',
        code: 'manajemen-pasien',
        competencyArea: 'manajemen pasien',
      }),
    ).toEqual([]);
    expect(
      given(defined).when({ type: 'DefineCompetencyForArea', code: 'manajemen-pasien', competencyArea: 'x' }),
    ).toEqual([]);
  });
  it('lets the agency define properly a competency created on demand', () => {
    expect(given(onDemand).when(define)).toEqual([defined]);
  });
});
