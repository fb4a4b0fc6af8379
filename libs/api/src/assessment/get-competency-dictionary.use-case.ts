import { COMPETENCY_LEVELS, COMPETENCY_TYPES } from '@kompeten/contracts';
import { defineUseCase, Nullable, StringEnum, Type } from '../use-case';

/** Where a dictionary entry comes from: the regulation, the agency, or a programme that first named it. */
export const COMPETENCY_SOURCES = ['PermenPANRB 38/2017', 'agency', 'on-demand'] as const;

const CompetencyEntry = Type.Object({
  code: Type.String({ example: 'manajemen-pasien' }),
  name: Type.String({ example: 'Manajemen pasien' }),
  competencyType: StringEnum(COMPETENCY_TYPES),
  source: StringEnum(COMPETENCY_SOURCES),
  description: Nullable(Type.String()),
  levelDescriptions: Nullable(Type.Array(Type.String(), { description: 'What each level 1..5 means, level 1 first' })),
});

export const CompetencyDictionarySchema = Type.Object({
  levels: Type.Array(Type.Integer(), {
    example: [...COMPETENCY_LEVELS],
    description: 'The levels every competency is assessed on',
  }),
  competencies: Type.Array(CompetencyEntry, { description: 'The national competencies first, then the agency’s' }),
});

export const getCompetencyDictionary = defineUseCase({
  name: 'getCompetencyDictionary',
  service: 'assessment',
  method: 'GET',
  path: '/competencies',
  tag: 'competencies and assessments',
  summary:
    'The competency dictionary: 8 manajerial + 1 sosial-kultural (PermenPANRB 38/2017) and the agency’s teknis ones, levels 1–5',
  params: {},
  response: CompetencyDictionarySchema,
  access: { roles: ['training-officer', 'unit-head', 'staff'] },
  problems: [],
});
