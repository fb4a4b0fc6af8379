import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { DEPARTURE_REASONS, DepartureReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class RecordStaffDepartureRequest {
  @ApiProperty({ enum: DEPARTURE_REASONS })
  @IsIn(DEPARTURE_REASONS)
  reason: DepartureReason;

  @ApiProperty({ example: '2026-12-31' })
  @IsISO8601({ strict: true })
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
