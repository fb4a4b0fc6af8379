import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class RecordNonCompletionRequest {
  @ApiProperty({ example: 'Hadir kurang dari 80% sesi' }) @IsString() @Length(3, 500) reason: string;
}

export const recordNonCompletion = defineUseCase({
  name: 'recordNonCompletion',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/non-completion',
  tag: 'enrolments',
  summary: 'The programme ended without completion for this staff member',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: RecordNonCompletionRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
