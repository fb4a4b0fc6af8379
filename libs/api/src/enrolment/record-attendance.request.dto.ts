import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Matches } from 'class-validator';

export class RecordAttendanceRequest {
  @ApiProperty({ example: 's1' }) @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) sessionId: string;
  @ApiProperty({ example: true, description: 'false records an absence' }) @IsBoolean() attended: boolean;
}
