import { ApiProperty } from '@nestjs/swagger';
import { IsNip } from '../shared/nip.validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class EnrolStaffRequest {
  @ApiProperty({ example: '198609262015051001' }) @IsNip() nip: string;
}

export const enrolStaff = defineUseCase({
  name: 'enrolStaff',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments',
  tag: 'enrolments',
  summary: 'Enrol (staff: themselves). A seat is confirmed once the budget commits the funds; otherwise the waitlist.',
  params: { programmeId: PARAM.programmeId },
  body: EnrolStaffRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer', 'staff'], selfBody: 'nip' },
  problems: [400, 404, 409],
});
