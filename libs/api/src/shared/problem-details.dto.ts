import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'nip' }) field: string;
  @ApiProperty({ example: 'nip is not a valid NIP (gender): NIP digit 15 is the gender and must be 1 or 2, not 3' })
  message: string;
}

/** RFC 9457 problem details: the body of every error (content type application/problem+json). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://kompeten.bukittinggi.go.id/problems/validation' }) type: string;
  @ApiProperty({ example: 'The request is not valid' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/staff' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'For 400: which fields, and why' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({ example: 'withdrawn', description: 'For 409: the current state of what you tried to change' })
  currentState?: string;
}
