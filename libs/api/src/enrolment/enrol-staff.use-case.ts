import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsNip } from '../shared/nip.validator';
import { IsBusinessDate } from './business-date.validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class EnrolStaffRequest {
  @ApiProperty({ example: '198609262015051001' }) @IsNip() nip: string;

  /**
   * The day the staff member enrolled (default the city's today; never in the future): an enrolment made on
   * paper, or before go-live, keeps its real date — self-paced statements are accepted from that day on.
   * It does not reopen a closed programme: enrolling after the first session still needs late enrolment.
   */
  @ApiPropertyOptional({ format: 'date', example: '2026-01-05' })
  @IsOptional()
  @IsBusinessDate()
  enrolledOn?: string;
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
