import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type as T } from '../use-case';
import { SkmScoresSchema, SurveyPeriodSchema } from './feedback.schemas';
import { PeriodQueryRequest } from './period-query.request.dto';
import { REJECTION_REASONS } from './reject-survey-response.use-case';
import { CHANNELS } from './submit-survey-response.use-case';

export class ListSurveyResponsesRequest extends PeriodQueryRequest {
  @ApiPropertyOptional({
    default: false,
    description:
      'Include comments and contact details (personal data). The gateway sets this only for roles allowed to read them and strips it from everyone else’s requests.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includePersonal?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

const RespondentProfileSchema = T.Object(
  {
    gender: T.Optional(Nullable(StringEnum(['L', 'P']))),
    ageGroup: T.Optional(Nullable(StringEnum(['<20', '20-29', '30-39', '40-49', '50-59', '60+']))),
    education: T.Optional(Nullable(StringEnum(['none', 'sd', 'smp', 'sma', 'diploma', 's1', 's2+']))),
    occupation: T.Optional(Nullable(StringEnum(['pns', 'tni-polri', 'private', 'self-employed', 'student', 'other']))),
  },
  { description: 'Coarse categories only, as the respondent gave them' },
);

const SurveyResponseItem = T.Object({
  submissionId: T.String({ format: 'uuid' }),
  serviceCode: T.String({ example: 'POLI-UMUM' }),
  servedOn: DateOnly(),
  scores: SkmScoresSchema,
  servedBy: Nullable(T.String({ description: 'NIP of the staff member who served, when named' })),
  hasComment: T.Boolean(),
  respondent: Nullable(RespondentProfileSchema),
  channel: StringEnum(CHANNELS),
  status: StringEnum(['valid', 'rejected']),
  rejectionReason: Nullable(StringEnum(REJECTION_REASONS)),
  comment: T.Optional(Nullable(T.String({ description: 'Only with includePersonal; null once erased' }))),
  contact: T.Optional(Nullable(T.String({ description: 'Only with includePersonal; null once erased' }))),
  erased: T.Optional(
    T.Array(T.String(), { description: 'Only with includePersonal: the personal fields erased (UU 27/2022)' }),
  ),
});

export const SurveyResponseListSchema = T.Object({
  unitCode: T.String(),
  period: SurveyPeriodSchema,
  total: T.Integer({ description: 'Responses in the period (valid and rejected)' }),
  limit: T.Integer(),
  offset: T.Integer(),
  personalIncluded: T.Boolean(),
  items: T.Array(SurveyResponseItem, { description: 'Newest first' }),
});

export const listSurveyResponses = defineUseCase({
  name: 'listSurveyResponses',
  service: 'feedback',
  method: 'GET',
  path: '/service-units/:unitCode/responses',
  tag: 'service units',
  summary: 'A unit’s survey responses; comments and contacts only for admins and the unit’s own head',
  params: { unitCode: PARAM.unitCode },
  query: ListSurveyResponsesRequest,
  response: SurveyResponseListSchema,
  access: { roles: ['training-officer', 'unit-head'] },
  problems: [400, 404],
});
