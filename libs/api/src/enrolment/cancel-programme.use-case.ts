import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class CancelProgrammeRequest {
  @ApiProperty({ example: 'Narasumber berhalangan' }) @IsString() @Length(3, 500) reason: string;
}

export const cancelProgramme = defineUseCase({
  name: 'cancelProgramme',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/cancellation',
  tag: 'programmes',
  summary: 'Cancel; every enrolled and waitlisted staff member is told (ProgrammeCancelled), the budget releases',
  params: { programmeId: PARAM.programmeId },
  body: CancelProgrammeRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404],
});
