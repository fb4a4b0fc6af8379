import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { DEPARTURE_REASONS, DepartureReason } from '@kompeten/contracts';

export class RecordStaffDepartureRequest {
  @ApiProperty({ enum: DEPARTURE_REASONS })
  @IsIn(DEPARTURE_REASONS)
  reason: DepartureReason;

  @ApiProperty({ example: '2026-12-31' })
  @IsISO8601({ strict: true })
  effectiveOn: string;
}
