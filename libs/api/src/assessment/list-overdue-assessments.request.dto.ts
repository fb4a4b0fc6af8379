import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

export class OverdueAssessmentsRequest {
  @ApiPropertyOptional({ example: '2026-06-01', description: 'Defaults to today' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ example: 'DINKES' })
  @IsOptional()
  @Matches(CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd?: string;

  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH' })
  @IsOptional()
  @Matches(CODE, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string;
}
