import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { WorkUnitDto } from '../shared/work-unit.dto';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

export class TransferStaffRequest {
  @ApiProperty({ type: WorkUnitDto })
  @ValidateNested()
  @Type(() => WorkUnitDto)
  to: WorkUnitDto;

  @ApiPropertyOptional({ description: 'The new position; unchanged when omitted' })
  @IsOptional()
  @IsString()
  @Length(2, 120)
  position?: string;

  @ApiProperty({
    example: '2026-07-01',
    format: 'date',
    description:
      'The city’s date the move takes effect: not in the future, not before the current unit or position began (registration or the last transfer)',
  })
  @IsBusinessDate()
  effectiveOn: string;
}

export const transferStaff = defineUseCase({
  name: 'transferStaff',
  service: 'enrolment',
  method: 'POST',
  path: '/staff/:nip/transfers',
  tag: 'staff',
  summary: 'Transfer to another OPD or service unit (history kept)',
  params: { nip: PARAM.nip },
  body: TransferStaffRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
  ifMatch: true,
});
