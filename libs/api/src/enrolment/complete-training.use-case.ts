import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';
import { ATTENDANCE_OVERRIDE_REASONS, AttendanceOverrideReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

/** Why an officer completes a participant below the programme's attendance threshold. */
export class AttendanceOverrideDto {
  @ApiProperty({ enum: ATTENDANCE_OVERRIDE_REASONS })
  @IsIn(ATTENDANCE_OVERRIDE_REASONS)
  reason: AttendanceOverrideReason;

  @ApiPropertyOptional({ description: 'Required when the reason is other' })
  @ValidateIf((o: AttendanceOverrideDto) => o.reason === 'other' || o.note !== undefined)
  @IsString()
  @Length(3, 500)
  note?: string;
}

export class CompleteTrainingRequest {
  @ApiProperty({
    example: '2026-02-03',
    description: 'The city date of completion: not after today, not before the first session',
  })
  @IsBusinessDate()
  completedOn: string;

  @ApiPropertyOptional({
    type: AttendanceOverrideDto,
    description: 'Only to complete below the attendance threshold (recorded on the event)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendanceOverrideDto)
  attendanceOverride?: AttendanceOverrideDto;
}

export const completeTraining = defineUseCase({
  name: 'completeTraining',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/completion',
  tag: 'enrolments',
  summary:
    'Completion: the JP are credited to the staff member’s ledger. 422 when attendance is below the programme’s threshold (unless attendanceOverride)',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: CompleteTrainingRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409, 422],
});
