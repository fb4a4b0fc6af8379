import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class CompleteTrainingRequest {
  @ApiProperty({ example: '2026-02-03' }) @IsISO8601({ strict: true }) completedOn: string;
}
