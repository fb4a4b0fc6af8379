import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DEPARTURE_REASONS, DepartureReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

export class RecordStaffDepartureRequest {
  @ApiProperty({ enum: DEPARTURE_REASONS })
  @IsIn(DEPARTURE_REASONS)
  reason: DepartureReason;

  @ApiProperty({
    example: '2026-12-31',
    format: 'date',
    description:
      'The city’s date they left: not in the future, not before the current unit or position began (registration or the last transfer)',
  })
  @IsBusinessDate()
  effectiveOn: string;
}

export const recordStaffDeparture = defineUseCase({
  name: 'recordStaffDeparture',
  service: 'enrolment',
  method: 'POST',
  path: '/staff/:nip/departure',
  tag: 'staff',
  summary: 'Record retirement or leaving',
  params: { nip: PARAM.nip },
  body: RecordStaffDepartureRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
