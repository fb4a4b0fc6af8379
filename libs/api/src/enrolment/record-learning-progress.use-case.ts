import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

const VERBS = ['started', 'completed', 'scored', 'spent'] as const;

/** One statement from the e-learning platform or the mobile app. */
export class RecordLearningProgressRequest {
  @ApiProperty({ description: 'Made by the device; a resend with the same id is applied once' })
  @IsUUID()
  statementId: string;
  @ApiProperty({ enum: VERBS }) @IsIn(VERBS) verb: (typeof VERBS)[number];
  @ApiProperty({ example: 'm1' }) @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) moduleId: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsInt() @Min(0) @Max(100) score?: number;
  @ApiPropertyOptional({
    description: 'Time spent, seconds (summed: the training completes once they cover its JP × 45 min)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  seconds?: number;
  @ApiProperty({
    example: '2026-03-01T10:00:00+07:00',
    description:
      'When it happened on the device, with its offset (offline batches arrive late but in place): not more than 5 minutes ahead of the service, not before the enrolment. A completing statement dates the completion (the city date of this instant).',
  })
  @IsISO8601({ strict: true })
  // Without an offset the instant is ambiguous: the city date of the completion depends on it.
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'deviceTimestamp must be a date and time with its offset (Z or ±hh:mm)',
  })
  deviceTimestamp: string;
}
export type LearningStatement = RecordLearningProgressRequest;

export const recordLearningProgress = defineUseCase({
  name: 'recordLearningProgress',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/statements',
  tag: 'enrolments',
  summary: 'A self-paced learning statement from the e-learning platform or mobile app (a resend is applied once)',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: RecordLearningProgressRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer', 'staff'], selfParam: 'nip' },
  problems: [400, 404, 409],
});
