import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { EXTERNAL_LEARNING_REJECTION_REASONS, type ExternalLearningRejectionReason } from '@kompeten/contracts';
import { defineUseCase, PARAM } from '../use-case';
import { ExternalLearningDecisionSchema } from './verify-external-learning.use-case';

export class RejectExternalLearningRequest {
  @ApiProperty({ enum: EXTERNAL_LEARNING_REJECTION_REASONS, description: 'Coded, so that reports count them' })
  @IsIn(EXTERNAL_LEARNING_REJECTION_REASONS)
  reason: ExternalLearningRejectionReason;
  @ApiPropertyOptional({
    example: 'Sertifikat tidak terbaca',
    description: 'Required when the reason is other; personal data, sealed in the log and never in a read model',
  })
  @ValidateIf((o: RejectExternalLearningRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString()
  @Length(3, 500)
  note?: string;
}

export const rejectExternalLearning = defineUseCase({
  name: 'rejectExternalLearning',
  service: 'enrolment',
  method: 'POST',
  path: '/external-learning/:learningId/rejection',
  tag: 'external-learning',
  summary:
    'A training officer rejects recorded external learning with a coded reason (evidence-unreadable, not-development, duplicate, dates-implausible, provider-unknown, other + note): no JP. Rejecting again appends nothing (200); a verified record is a 409.',
  params: { learningId: PARAM.uuid },
  body: RejectExternalLearningRequest,
  response: ExternalLearningDecisionSchema,
  alsoOk: 'Already rejected (appends nothing)',
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
