import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type as ToType } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { COMPETENCY_TYPES, PROGRAMME_FORMS, type CompetencyType, type ProgrammeForm } from '@kompeten/contracts';
import { COMPETENCY_AREA, OPD_CODE } from '../budget/codes';
import { IsRangeEnd } from '../shared/date-range.validator';
import { IsNip } from '../shared/nip.validator';
import { IsCursor, Page, PageQuery } from '../shared/page';
import { DateOnly, defineUseCase, Nullable, StringEnum, Type } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

/** The longest session-date range one query may ask for. */
export const MAX_RANGE_DAYS = 400;

/** `true`/`false` in a query string as a boolean (anything else stays as it is, and is refused). */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListProgrammesRequest extends PageQuery {
  @ApiPropertyOptional({ enum: PROGRAMME_FORMS }) @IsOptional() @IsIn(PROGRAMME_FORMS) form?: ProgrammeForm;
  @ApiPropertyOptional({ enum: COMPETENCY_TYPES })
  @IsOptional()
  @IsIn(COMPETENCY_TYPES)
  competencyType?: CompetencyType;
  @ApiPropertyOptional({ example: 'patient-management' })
  @IsOptional()
  @Matches(COMPETENCY_AREA)
  competencyArea?: string;
  @ApiPropertyOptional({ example: 'DINKES', description: 'The OPD whose budget pays' })
  @IsOptional()
  @Matches(OPD_CODE)
  fundingOpd?: string;
  @ApiPropertyOptional({
    description: 'Published and still taking enrolments: late enrolment allowed, or no session before the city’s today',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  open?: boolean;
  @ApiPropertyOptional({ description: 'true: at least one seat left; false: full' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  hasSeats?: boolean;
  @ApiPropertyOptional({ minimum: 1, description: 'At least this many seats left' })
  @IsOptional()
  @ToType(() => Number)
  @IsInt()
  @Min(1)
  minSeatsLeft?: number;
  @ApiPropertyOptional({
    example: '2026-03-01',
    description: 'Sessions on or after this date (the programme’s span overlaps the range)',
  })
  @IsOptional()
  @IsBusinessDate()
  from?: string;
  @ApiPropertyOptional({
    example: '2026-06-30',
    description: `Sessions on or before this date; at most ${MAX_RANGE_DAYS} days after from`,
  })
  @IsOptional()
  @IsBusinessDate()
  @IsRangeEnd('from', MAX_RANGE_DAYS)
  to?: string;
  @ApiPropertyOptional({
    example: '198609262015051001',
    description:
      'Only programmes this staff member may enrol in now: open, not already enrolled, waitlisted or completed, and they are in service (staff: their own NIP only)',
  })
  @IsOptional()
  @IsNip()
  eligibleFor?: string;
  @ApiPropertyOptional({ example: 'komunikasi', description: 'Words in the title (case-insensitive)' })
  @IsOptional()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsCursor(2) cursor?: string;
}

export const ProgrammeSummarySchema = Type.Object({
  programmeId: Type.String({ example: 'kom-efektif-2026' }),
  title: Type.String(),
  form: StringEnum(PROGRAMME_FORMS),
  competencyType: StringEnum(COMPETENCY_TYPES),
  competencyArea: Type.String(),
  jp: Type.Integer(),
  capacity: Type.Integer(),
  seatsTaken: Type.Integer({
    description: 'Enrolments holding a seat: pending funds, awaiting release, confirmed, completed',
  }),
  seatsLeft: Type.Integer(),
  firstSessionDate: Nullable(DateOnly({ description: 'null: no sessions (self-paced)' })),
  lastSessionDate: Nullable(DateOnly()),
  status: StringEnum(['published', 'cancelled']),
  openForEnrolment: Type.Boolean(),
  fundingOpd: Type.String(),
  fiscalYear: Nullable(Type.Integer({ description: 'null: the year of the first session' })),
  releaseRequired: Type.Boolean(),
});

export const listProgrammes = defineUseCase({
  name: 'listProgrammes',
  service: 'enrolment',
  method: 'GET',
  path: '/programmes',
  tag: 'programmes',
  summary:
    'The programme catalogue, filtered and paged (earliest first session first; a stable cursor): form, competency, open for enrolment, seats, dates, eligible for a staff member, title',
  params: {},
  query: ListProgrammesRequest,
  response: Page(ProgrammeSummarySchema),
  access: { roles: ['training-officer', 'unit-head', 'staff'], selfQuery: 'eligibleFor' },
  problems: [400],
});
