import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { ASSESSMENT_KINDS, AssessmentKind } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM, Type } from '../use-case';

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

/** A command's answer, plus the id of the assessment it scheduled. */
export const AssessmentScheduledSchema = Type.Composite(
  [
    CommandAcceptedSchema,
    Type.Object({
      assessmentId: Type.String({
        example: '0190a6f2-8b7c-7d4e-9f00-112233445566',
        description: 'The new assessment: record its result with it',
      }),
    }),
  ],
  { title: 'AssessmentScheduledAccepted' },
);

export const scheduleAssessment = defineUseCase({
  name: 'scheduleAssessment',
  service: 'assessment',
  method: 'POST',
  path: '/staff/:nip/assessments',
  tag: 'competencies and assessments',
  summary: 'Schedule an assessment by hand (enrolment events schedule pre, post and on-the-job ones on their own)',
  params: { nip: PARAM.nip },
  body: ScheduleAssessmentRequest,
  response: AssessmentScheduledSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409, 422],
});
