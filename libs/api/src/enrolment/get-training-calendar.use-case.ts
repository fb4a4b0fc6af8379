import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DateOnly, defineUseCase, Nullable, PARAM, Type } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

export class TrainingCalendarRequest {
  @ApiPropertyOptional({
    example: 'PUSKESMAS-GULAI-BANCAH',
    description: 'A service unit of the OPD; absent: the OPD’s staff without one',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string;
  @ApiProperty({ format: 'date', example: '2026-03-01', description: 'First day shown' })
  @IsBusinessDate()
  from: string;
  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'Last day shown (at most 400 days after from)' })
  @IsBusinessDate()
  to: string;
}

const Away = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  programmeId: Type.String({ example: 'kom-efektif-2026' }),
  sessionId: Type.String({ example: 's1' }),
  startTime: Nullable(Type.String({ example: '08:00', description: 'null: the whole day' })),
  endTime: Nullable(Type.String({ example: '12:00' })),
});

export const TrainingCalendarSchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  serviceUnit: Nullable(Type.String()),
  from: DateOnly(),
  to: DateOnly(),
  rule: Nullable(
    Type.Object(
      { maxAwayCount: Nullable(Type.Integer()), maxAwayShare: Nullable(Type.Number()) },
      { description: 'null: no continuity rule set' },
    ),
  ),
  headcount: Type.Integer({ description: 'Active staff of the unit today' }),
  limit: Nullable(Type.Integer({ description: 'How many may be away on one day today (null: no rule)' })),
  days: Type.Array(
    Type.Object({
      date: DateOnly(),
      awayCount: Type.Integer({ description: 'Distinct staff released for a session that day' }),
      atLimit: Type.Boolean({ description: 'One more release that day would be refused' }),
      away: Type.Array(Away),
    }),
    { description: 'Days in the range with someone released, in order' },
  ),
  pending: Type.Array(
    Type.Object({
      nip: Type.String(),
      programmeId: Type.String(),
      status: Type.String({ example: 'pending-funds' }),
      requestedOn: Nullable(DateOnly()),
      firstSessionDate: Nullable(DateOnly()),
    }),
    { description: 'Requests of the unit’s staff waiting for the head’s decision' },
  ),
});

export const getTrainingCalendar = defineUseCase({
  name: 'getTrainingCalendar',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/training-calendar',
  tag: 'releases',
  summary:
    'A unit’s training calendar before approving: who is released for which days, the continuity limit and the requests waiting for a decision',
  params: { opd: PARAM.opd },
  query: TrainingCalendarRequest,
  response: TrainingCalendarSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
