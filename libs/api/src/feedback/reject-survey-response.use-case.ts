import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export const REJECTION_REASONS = ['duplicate', 'spam', 'test', 'other'] as const;

export class RejectSurveyResponseRequest {
  @ApiProperty({ enum: REJECTION_REASONS })
  @IsIn(REJECTION_REASONS)
  reason: (typeof REJECTION_REASONS)[number];

  @ApiPropertyOptional({ description: 'Required when the reason is other' })
  @ValidateIf((o: RejectSurveyResponseRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString({ message: 'note is required when the reason is other' })
  @MaxLength(500)
  note?: string;
}

export const rejectSurveyResponse = defineUseCase({
  name: 'rejectSurveyResponse',
  service: 'feedback',
  method: 'POST',
  path: '/survey-responses/:submissionId/rejection',
  tag: 'survey responses',
  summary: 'Void a response (spam, duplicate) with a reason; it leaves the IKM',
  params: { submissionId: PARAM.uuid },
  body: RejectSurveyResponseRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
