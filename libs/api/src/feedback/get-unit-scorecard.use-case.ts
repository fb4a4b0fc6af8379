import { SKM_ELEMENTS } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';
import {
  IkmGradeSchema,
  SurveyFactsSchema,
  SurveyPeriodSchema,
  TrainingFactsSchema,
  UnitKindSchema,
} from './feedback.schemas';
import { PeriodQueryRequest } from './period-query.request.dto';

const ScorecardElement = Type.Object({
  element: StringEnum(SKM_ELEMENTS),
  name: Type.String({ example: 'Kompetensi pelaksana' }),
  nrr: Nullable(Type.Number()),
  focus: Type.Boolean({ description: 'Elements 6 and 7: the ones training should move most' }),
});

const StaffTraining = Type.Object({
  nip: Type.String(),
  jp: Type.Integer({ description: 'JP completed in the 12 months to the period’s last day' }),
  meets20Jp: Type.Boolean(),
});

export const UnitScorecardSchema = Type.Object({
  unit: Type.Object({
    unitCode: Type.String(),
    name: Type.String(),
    opd: Type.String(),
    kind: UnitKindSchema,
    services: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    annualServiceUsers: Type.Integer(),
  }),
  period: SurveyPeriodSchema,
  survey: Type.Composite([SurveyFactsSchema, Type.Object({ elements: Type.Array(ScorecardElement) })]),
  training: Type.Composite([
    TrainingFactsSchema,
    Type.Object({
      staff: Type.Array(StaffTraining, { description: 'Who worked in the unit on the period’s last day' }),
    }),
  ]),
  published: Nullable(
    Type.Object(
      {
        responses: Type.Integer(),
        ikm: Nullable(Type.Number()),
        grade: Nullable(IkmGradeSchema),
        sampleTarget: Type.Integer(),
        sampleAdequate: Type.Boolean(),
        closedOn: DateOnly(),
      },
      { description: 'The IKM as published when the period was closed; null while it is open' },
    ),
  ),
  previous: Type.Object(
    {
      period: Type.String({ example: '2025-Q4' }),
      responses: Type.Integer(),
      ikm: Nullable(Type.Number({ description: 'Two decimals' })),
      grade: Nullable(IkmGradeSchema),
      sampleAdequate: Type.Boolean(),
    },
    { description: 'The period before' },
  ),
});

export const getUnitScorecard = defineUseCase({
  name: 'getUnitScorecard',
  service: 'feedback',
  method: 'GET',
  path: '/service-units/:unitCode/scorecard',
  tag: 'service units',
  summary:
    'A unit’s scorecard: IKM, grade, element scores, sample adequacy, staff training (unit-heads: their OPD’s units)',
  params: { unitCode: PARAM.unitCode },
  query: PeriodQueryRequest,
  response: UnitScorecardSchema,
  access: { roles: ['training-officer', 'unit-head'], owner: { opd: 'unit.opd' } },
  problems: [400, 404],
});
