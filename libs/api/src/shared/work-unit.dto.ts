import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

/** An OPD code (e.g. DINKES, BPBD) and, where it applies, a service unit code (e.g. PUSKESMAS-GULAI-BANCAH). */
export class WorkUnitDto {
  @ApiProperty({ example: 'DINKES' })
  @Matches(CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd: string;

  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(CODE, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string | null;
}
