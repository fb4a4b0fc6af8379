import { DateTime, defineUseCase, Type } from '../use-case';

export const PositionStandardsSchema = Type.Object({
  positions: Type.Array(
    Type.Object({
      positionKey: Type.String({ example: 'perawat-ahli-pertama', description: 'The slug of the position' }),
      position: Type.String({ example: 'Perawat Ahli Pertama' }),
      requirements: Type.Array(
        Type.Object({
          competencyCode: Type.String({ example: 'komunikasi' }),
          level: Type.Integer({ minimum: 1, maximum: 5 }),
        }),
      ),
      setAt: DateTime({ description: 'When the set was last replaced' }),
    }),
  ),
});

export const listPositionStandards = defineUseCase({
  name: 'listPositionStandards',
  service: 'assessment',
  method: 'GET',
  path: '/position-standards',
  tag: 'competencies and assessments',
  summary: 'Required competency levels per position',
  params: {},
  response: PositionStandardsSchema,
  access: { roles: ['training-officer', 'unit-head', 'staff'] },
  problems: [],
});
