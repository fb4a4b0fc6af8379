import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';

export const REJECTION_REASONS = ['duplicate', 'spam', 'test', 'other'] as const;

export class RejectSurveyResponseRequest {
  @ApiProperty({ enum: REJECTION_REASONS })
  @IsIn(REJECTION_REASONS)
  reason: (typeof REJECTION_REASONS)[number];

  @ApiPropertyOptional({ description: 'Required when the reason is other' })
  @ValidateIf((o: RejectSurveyResponseRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString({ message: 'note is required when the reason is other' })
  @MaxLength(500)
  note?: string;
}
