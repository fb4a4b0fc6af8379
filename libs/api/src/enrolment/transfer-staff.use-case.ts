import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { WorkUnitDto } from '../shared/work-unit.dto';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

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

  @ApiProperty({ example: '2026-07-01' })
  @IsISO8601({ strict: true })
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
