import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CancelProgrammeRequest {
  @ApiProperty({ example: 'Narasumber berhalangan' }) @IsString() @Length(3, 500) reason: string;
}
