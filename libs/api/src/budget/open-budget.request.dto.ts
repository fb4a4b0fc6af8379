import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { FUNDING_SOURCES, FundingSource } from '@kompeten/contracts';
import { MAX_RUPIAH, OPD_CODE } from './codes';

export class OpenBudgetRequest {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) fiscalYear: number;
  @ApiProperty({ example: 'DINKES', description: 'The OPD (work unit) whose training budget this is' })
  @Matches(OPD_CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd: string;
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource: FundingSource;
  @ApiProperty({ example: 250_000_000, description: 'Rupiah, a whole number above zero' })
  @IsInt({ message: 'ceiling must be a whole number of rupiah' })
  @Min(1)
  @Max(MAX_RUPIAH)
  ceiling: number;
}
