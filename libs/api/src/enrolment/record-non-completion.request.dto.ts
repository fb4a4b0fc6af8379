import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RecordNonCompletionRequest {
  @ApiProperty({ example: 'Hadir kurang dari 80% sesi' }) @IsString() @Length(3, 500) reason: string;
}
