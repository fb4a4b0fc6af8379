import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { ASSESSMENT_KINDS, AssessmentKind } from '@kompeten/contracts';

export class ScheduleAssessmentRequest {
  @ApiProperty({
    enum: ASSESSMENT_KINDS,
    description: 'pre, post and on-the-job belong to an enrolment; periodic stands alone',
  })
  @IsIn(ASSESSMENT_KINDS)
  kind: AssessmentKind;

  @ApiPropertyOptional({
    example: 'komunikasi',
    description: 'Required for periodic; for the others it is the enrolment programme’s competency',
  })
  @IsOptional()
  @IsString()
  @Length(2, 64)
  competencyCode?: string;

  @ApiPropertyOptional({ description: 'The enrolment a pre, post or on-the-job assessment belongs to' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  enrolmentId?: string;

  @ApiProperty({ example: '2026-06-30' })
  @IsISO8601({ strict: true })
  dueOn: string;
}
