import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMPETENCY_AREA } from '../budget/codes';
import { CommandAcceptedSchema, defineUseCase, PARAM, Type } from '../use-case';

/** A staff member sets themselves a handful of competencies a year, not a catalogue. */
export const MAX_DEVELOPMENT_TARGETS = 20;

export class DevelopmentTargetDto {
  @ApiProperty({ example: 'komunikasi', description: 'A competency code known to the city' })
  @Matches(COMPETENCY_AREA, { message: 'competencyCode must be a lowercase code such as komunikasi' })
  competencyCode: string;
  @ApiProperty({ example: 3, minimum: 1, maximum: 5, description: 'The level (1–5) to reach this year' })
  @IsInt()
  @Min(1)
  @Max(5)
  targetLevel: number;
}

export class ProposeDevelopmentPlanRequest {
  @ApiProperty({ example: 2026, description: 'The year planned (this year or later)' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiProperty({ type: [DevelopmentTargetDto], description: 'Each competency once' })
  @IsArray()
  @ArrayMaxSize(MAX_DEVELOPMENT_TARGETS)
  @ValidateNested({ each: true })
  @Transform(() => DevelopmentTargetDto)
  targets: DevelopmentTargetDto[];
  @ApiProperty({ example: 20, minimum: 0, maximum: 200, description: 'JP to complete in the year' })
  @IsInt()
  @Min(0)
  @Max(200)
  targetJp: number;
  @ApiPropertyOptional({ example: 'Persiapan menjadi kepala ruang', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string | null;
}

/** A command's answer, plus the revision the head of the OPD agrees to. */
export const DevelopmentPlanAcceptedSchema = Type.Composite(
  [
    CommandAcceptedSchema,
    Type.Object({
      revision: Type.Integer({ example: 1, description: 'The plan’s current revision: name it to agree to it' }),
    }),
  ],
  { title: 'DevelopmentPlanAccepted' },
);

export const proposeDevelopmentPlan = defineUseCase({
  name: 'proposeDevelopmentPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/staff/:nip/development-plans',
  tag: 'planning',
  summary:
    'A staff member (or a training officer for them) proposes their individual development plan for a year: target competencies and levels, target JP. Each proposal is a new revision awaiting the head of their OPD’s agreement; an agreed revision stays the agreed one until a newer one is agreed. 400 names an unknown or repeated competency (`targets[i].competencyCode`).',
  params: { nip: PARAM.nip },
  body: ProposeDevelopmentPlanRequest,
  response: DevelopmentPlanAcceptedSchema,
  alsoOk: 'The same targets, JP and note as the current revision (appends nothing)',
  // A unit head is left out: they agree to a plan, the staff member makes it.
  access: { roles: ['training-officer', 'staff'], selfParam: 'nip' },
  problems: [400, 404, 409],
});
