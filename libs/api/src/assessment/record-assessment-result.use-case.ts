import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ASSESSMENT_METHODS, AssessmentMethod } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class RecordAssessmentResultRequest {
  @ApiProperty({
    example: 'assessor:197901012005011002',
    description: 'An assessor id (NIP, user or vendor id), never a name',
  })
  @IsString()
  @Length(2, 120)
  assessor: string;

  @ApiProperty({
    enum: ASSESSMENT_METHODS,
    description: 'Score ranges: test 0..100, observation 1..5, 360 1..5, portfolio 0..100',
  })
  @IsIn(ASSESSMENT_METHODS)
  method: AssessmentMethod;

  @ApiProperty({
    example: 78,
    description:
      'Within the method’s range; the level 1..5 follows from it by the method’s score-to-level mapping (default: test and portfolio level 3 from 70, a 1..5 rubric’s points are its levels)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  score: number;

  @ApiPropertyOptional({
    example: '2026-02-10',
    description: 'The city’s date of the assessment; not after today (the city’s), which is the default',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'assessedOn must be a real date' })
  assessedOn?: string;
}

export const recordAssessmentResult = defineUseCase({
  name: 'recordAssessmentResult',
  service: 'assessment',
  method: 'POST',
  path: '/staff/:nip/assessments/:assessmentId/result',
  tag: 'competencies and assessments',
  summary: 'Record a result (assessor, method, score → level); certification or a gap follows',
  params: { nip: PARAM.nip, assessmentId: PARAM.id },
  body: RecordAssessmentResultRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409, 422],
});
