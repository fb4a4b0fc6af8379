import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ERASURE_REASONS, type ErasureReason } from '@kompeten/contracts';
import { ERASABLE_SUBJECT } from '@kompeten/event-store';

/** POST /api/v1/admin/erasures (the gateway) and POST /admin/erasures (each service). */
export class ErasureRequestDto {
  @ApiProperty({
    example: 'staff:198609262015051001',
    description: 'Whose data: `staff:<NIP>` or `respondent:<submissionId>` (a citizen’s survey response)',
  })
  @Matches(ERASABLE_SUBJECT, {
    message: 'subject must be staff:<18-digit NIP> or respondent:<submissionId (a UUID)>',
  })
  subject: string;

  @ApiProperty({ enum: ERASURE_REASONS, description: 'Why (a code, never free text: a note could hold personal data)' })
  @IsIn(ERASURE_REASONS, { message: `reason must be one of ${ERASURE_REASONS.join(', ')}` })
  reason: ErasureReason;

  @ApiPropertyOptional({ description: 'One id for the request across the services (the gateway sets it)' })
  @IsOptional()
  @IsUUID('all', { message: 'erasureId must be a UUID' })
  erasureId?: string;
}
