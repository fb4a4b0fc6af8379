import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';

export class DefineCompetencyRequest {
  @ApiProperty({
    example: 'manajemen-pasien',
    description: 'Lowercase words joined by hyphens; a programme whose competency area slugs to it is assessed on it',
  })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'code must be lowercase words joined by hyphens, such as manajemen-pasien',
  })
  @Length(2, 64)
  code: string;

  @ApiProperty({ example: 'Manajemen pasien' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiPropertyOptional({ example: 'Triage, patient communication and follow-up at a puskesmas' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'What each level 1..5 means, level 1 first' })
  @IsOptional()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(1000, { each: true }) // the same limit as the other free-text fields
  levelDescriptions?: string[];
}

export const defineCompetency = defineUseCase({
  name: 'defineCompetency',
  service: 'assessment',
  method: 'POST',
  path: '/competencies',
  tag: 'competencies and assessments',
  summary: 'Define a teknis competency of the agency',
  params: {},
  body: DefineCompetencyRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 409],
});
