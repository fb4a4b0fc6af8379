import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PLAN_LINE_SOURCES, PROGRAMME_FORMS, type PlanLineSource, type ProgrammeForm } from '@kompeten/contracts';
import { IsNip } from '../shared/nip.validator';
import { COMPETENCY_AREA } from '../budget/codes';

/** Most lines a plan holds: an OPD plans tens of lines, not thousands (and a body stays small). */
export const MAX_PLAN_LINES = 500;

/**
 * One line of a training plan as the officer sends it. The service computes estimatedRupiah and
 * checks what a schema cannot: the competency is known to the city, the line ids are distinct, no
 * more people named than the head count, and the rupiah stay exact (≤ Number.MAX_SAFE_INTEGER).
 */
export class PlanLineInputDto {
  @ApiProperty({ example: 'L1', description: 'Stable across revisions: how a revision’s changes are told' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'lineId must be 1–64 letters, digits or ._-' })
  lineId: string;
  @ApiProperty({
    example: 'komunikasi',
    description: 'A competency code known to the city (national, the agency’s dictionary, or a programme’s area)',
  })
  @Matches(COMPETENCY_AREA, { message: 'competencyArea must be a lowercase code such as komunikasi' })
  competencyArea: string;
  @ApiProperty({ enum: PLAN_LINE_SOURCES }) @IsIn(PLAN_LINE_SOURCES) source: PlanLineSource;
  @ApiProperty({ example: 1, minimum: 1, maximum: 5, description: '1 = most needed' })
  @IsInt()
  @Min(1)
  @Max(5)
  priority: number;
  @ApiPropertyOptional({ example: 2, nullable: true, enum: [1, 2, 3, 4], description: 'null or absent: any time' })
  @IsOptional()
  @IsIn([1, 2, 3, 4], { message: 'quarter must be 1, 2, 3, 4 or null' })
  quarter?: 1 | 2 | 3 | 4 | null;
  @ApiProperty({ enum: PROGRAMME_FORMS }) @IsIn(PROGRAMME_FORMS) form: ProgrammeForm;
  @ApiProperty({ example: 12, description: 'Whole people, zero or more' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  headCount: number;
  @ApiPropertyOptional({
    example: ['198609262015051001'],
    description: 'NIPs named (at most headCount; the rest are places still to fill)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'people must not name anyone twice' })
  @IsNip({ each: true })
  people?: string[];
  @ApiProperty({ example: 24, minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) jpPerPerson: number;
  @ApiProperty({ example: 150000, description: 'Rupiah per JP per person, whole' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER, { message: 'costPerJp must be an exact whole rupiah (at most 2^53 − 1)' })
  costPerJp: number;
  @ApiPropertyOptional({ example: 'NRR u7 2.61 at PKM-PLUS-MANDIANGIN, 2026-Q3', description: 'Why the line is there' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  rationale?: string;
}

/** The whole set of lines of a draft or a revision (replaces the last set). */
export class PlanLinesDto {
  @ApiProperty({ type: [PlanLineInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PLAN_LINES)
  @ValidateNested({ each: true })
  @Type(() => PlanLineInputDto)
  lines: PlanLineInputDto[];
}

/** Which revision a step acts on: a revision that has since changed is refused (409 with the current one). */
export class PlanRevisionDto {
  @ApiProperty({ example: 2, description: 'The revision seen (1 = the draft)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  revision: number;
}
