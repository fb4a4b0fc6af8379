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
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
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

/** `HH:MM`, 00:00–23:59: a time of day in the city's time zone. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SessionDto {
  @ApiProperty({ example: 's1' })
  @Matches(CODE, { message: 'sessionId must be a short lowercase code' })
  sessionId: string;
  @ApiProperty({ example: '2026-02-02', description: 'The day of the session (YYYY-MM-DD, the city’s calendar)' })
  @IsBusinessDate()
  date: string;
  @ApiProperty({ example: 'Hari 1: komunikasi terapeutik' }) @IsString() @Length(1, 200) title: string;
  // Times are the city's wall clock (CITY_TIME_ZONE), not instants: a session at 08:00 stays at 08:00.
  @ApiPropertyOptional({
    example: '08:00',
    nullable: true,
    description: 'Start, HH:MM city time; with endTime, or both absent (null: the whole day)',
  })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'startTime must be a time of day HH:MM (00:00–23:59)' })
  startTime?: string | null;
  @ApiPropertyOptional({ example: '12:00', nullable: true, description: 'End, HH:MM city time, after startTime' })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'endTime must be a time of day HH:MM (00:00–23:59)' })
  endTime?: string | null;
  @ApiPropertyOptional({
    example: 'Aula Dinas Kesehatan, Jl. Sudirman 1',
    nullable: true,
    description: 'Where it is held; a session with a time names a venue, an online link, or both',
  })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  venue?: string | null;
  @ApiPropertyOptional({ example: 'https://meet.example.go.id/kom-efektif', nullable: true, description: 'https only' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineUrl must be an https URL' })
  @MaxLength(2000)
  onlineUrl?: string | null;
  @ApiPropertyOptional({ example: 'dr. Rina Marlina, M.Kes', nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  trainer?: string | null;
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
  @ApiPropertyOptional({
    example: true,
    description:
      'Whether a seat is confirmed only once the staff member’s unit head has released them (approval, surat tugas) as well as the funds committed. Default when publishing: true for a programme with sessions (it takes staff away from duty), false for one without (self-paced)',
  })
  @IsOptional()
  @IsBoolean()
  releaseRequired?: boolean;
}
