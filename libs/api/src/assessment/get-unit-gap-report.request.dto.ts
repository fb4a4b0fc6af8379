import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class UnitGapReportRequest {
  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH', description: 'Only this service unit of the OPD' })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string;
}
