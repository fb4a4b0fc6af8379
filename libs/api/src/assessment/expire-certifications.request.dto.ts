import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class ExpireCertificationsRequest {
  @ApiPropertyOptional({ example: '2029-03-01', description: 'The date to check as of; defaults to today' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
