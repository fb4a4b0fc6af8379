import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PeriodQueryRequest } from './period-query.request.dto';

export class ListSurveyResponsesRequest extends PeriodQueryRequest {
  @ApiPropertyOptional({
    default: false,
    description:
      'Include comments and contact details (personal data). The gateway sets this only for roles allowed to read them and strips it from everyone else’s requests.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includePersonal?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
