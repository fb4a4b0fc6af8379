import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

const VERBS = ['started', 'completed', 'scored', 'spent'] as const;

/** One statement, entered by a training officer (a correction); platforms send xAPI statements instead. */
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
  summary:
    'A training officer’s correction of self-paced progress (a statement as the platform would have sent it; a resend is applied once). Learners’ progress comes from their learning platform through the xAPI resource (/api/v1/xapi/statements): a staff token cannot complete its own training.',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: RecordLearningProgressRequest,
  response: CommandAcceptedSchema,
  // Not staff: progress that earns JP comes from the platform, never from the learner (issue 22).
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
