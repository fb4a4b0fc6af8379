import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class UnitYearQueryRequest {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the city’s current year (its time zone, not UTC)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ example: 'DINKES' }) @IsOptional() @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/) opd?: string;
  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH' })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  serviceUnit?: string;
}
