import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Matches } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class RecordAttendanceRequest {
  @ApiProperty({ example: 's1' }) @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) sessionId: string;
  @ApiProperty({ example: true, description: 'false records an absence' }) @IsBoolean() attended: boolean;
}

export const recordAttendance = defineUseCase({
  name: 'recordAttendance',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/attendance',
  tag: 'enrolments',
  summary: 'Attendance (or absence) at one session',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: RecordAttendanceRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
