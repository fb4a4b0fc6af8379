import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { NON_COMPLETION_REASONS, NonCompletionReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class RecordNonCompletionRequest {
  @ApiProperty({ enum: NON_COMPLETION_REASONS, description: 'Coded, so that the workload statistics count it' })
  @IsIn(NON_COMPLETION_REASONS)
  reason: NonCompletionReason;

  @ApiPropertyOptional({ example: 'Hadir kurang dari 80% sesi', description: 'Required when the reason is other' })
  @ValidateIf((o: RecordNonCompletionRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString()
  @Length(3, 500)
  note?: string;
}

export const recordNonCompletion = defineUseCase({
  name: 'recordNonCompletion',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/non-completion',
  tag: 'enrolments',
  summary:
    'The programme ended without completion for this staff member, with a reason (workload, illness, absent, failed-assessment, other + note)',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: RecordNonCompletionRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
