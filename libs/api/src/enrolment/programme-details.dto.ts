import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COMPETENCY_TYPES,
  CompetencyType,
  DEFAULT_ATTENDANCE_THRESHOLD,
  PROGRAMME_FORMS,
  ProgrammeForm,
} from '@kompeten/contracts';
import { IsBusinessDate } from './business-date.validator';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class SessionDto {
  @ApiProperty({ example: 's1' })
  @Matches(CODE, { message: 'sessionId must be a short lowercase code' })
  sessionId: string;
  // A date only, in the city's calendar: times of day come with issue #19.
  @ApiProperty({ example: '2026-02-02', description: 'The day of the session (YYYY-MM-DD, no time of day)' })
  @IsBusinessDate()
  date: string;
  @ApiProperty({ example: 'Hari 1: komunikasi terapeutik' }) @IsString() @Length(1, 200) title: string;
}

export class CompletionRuleDto {
  @ApiProperty({ example: ['m1', 'm2', 'quiz'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(CODE, { each: true })
  modules: string[];
  @ApiPropertyOptional({ example: 70, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) minScore?:
    number | null;
}

/** The details shared by publishing (all required) and revising (all optional, see PartialType). */
export class ProgrammeDetailsDto {
  @ApiProperty({ example: 'Komunikasi efektif dan manajemen pasien' }) @IsString() @Length(3, 200) title: string;
  @ApiProperty({ enum: COMPETENCY_TYPES }) @IsIn(COMPETENCY_TYPES) competencyType: CompetencyType;
  @ApiProperty({
    example: 'patient-management',
    description: 'e.g. disaster-management, effective-communication, patient-management, digital-public-services',
  })
  @Matches(CODE, { message: 'competencyArea must be a lowercase code such as disaster-management' })
  competencyArea: string;
  @ApiProperty({ enum: PROGRAMME_FORMS }) @IsIn(PROGRAMME_FORMS) form: ProgrammeForm;
  @ApiPropertyOptional({ example: 'Universitas Andalas', nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  universityPartner?: string | null;
  @ApiProperty({ example: 24, description: 'Lesson hours (1 JP = 45 minutes)' }) @IsInt() @Min(1) @Max(1000) jp: number;
  @ApiProperty({ example: 1500000, description: 'Rupiah, integer' })
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  costPerParticipant: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(10_000) capacity: number;
  @ApiProperty({ example: 'DINKES', description: 'The OPD whose budget pays' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  fundingOpd: string;
  @ApiProperty({ type: [SessionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions: SessionDto[];
  @ApiPropertyOptional({ type: CompletionRuleDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto | null;
  @ApiPropertyOptional({
    example: 2026,
    nullable: true,
    description:
      'The fiscal year its costs are charged to; absent or null: the year of the first session (without sessions: of each enrolment)',
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number | null;
  @ApiPropertyOptional({
    example: DEFAULT_ATTENDANCE_THRESHOLD,
    minimum: 0,
    maximum: 1,
    description: `Share of the sessions a participant attends to complete (default ${DEFAULT_ATTENDANCE_THRESHOLD})`,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  attendanceThreshold?: number;
  @ApiPropertyOptional({
    example: false,
    description: 'Whether staff may still enrol after the first session’s date (default false: enrolment closes)',
  })
  @IsOptional()
  @IsBoolean()
  lateEnrolment?: boolean;
}
