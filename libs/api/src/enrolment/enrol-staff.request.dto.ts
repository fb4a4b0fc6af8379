import { ApiProperty } from '@nestjs/swagger';
import { IsNip } from '../shared/nip.validator';

export class EnrolStaffRequest {
  @ApiProperty({ example: '198609262015051001' }) @IsNip() nip: string;
}
