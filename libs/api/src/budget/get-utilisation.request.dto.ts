import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OPD_CODE } from './codes';
import { FiscalYearQueryRequest } from './fiscal-year-query.request.dto';
/** How utilisation is grouped. */
export type UtilisationGrouping = 'unit' | 'programme' | 'funding-source';

export class GetUtilisationRequest extends FiscalYearQueryRequest {
  @ApiPropertyOptional({ enum: ['unit', 'programme', 'funding-source'], default: 'unit' })
  @IsOptional()
  @IsIn(['unit', 'programme', 'funding-source'])
  by?: UtilisationGrouping;
  @ApiPropertyOptional({ example: 'DINKES', description: 'Only this unit' })
  @IsOptional()
  @Matches(OPD_CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd?: string;
}
