import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class CompleteTrainingRequest {
  @ApiProperty({ example: '2026-02-03' }) @IsISO8601({ strict: true }) completedOn: string;
}

export const completeTraining = defineUseCase({
  name: 'completeTraining',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/completion',
  tag: 'enrolments',
  summary: 'Completion: the JP are credited to the staff member’s ledger',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: CompleteTrainingRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
