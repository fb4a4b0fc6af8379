import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ProgrammeDetailsDto } from './programme-details.dto';

export class PublishProgrammeRequest extends ProgrammeDetailsDto {
  @ApiProperty({ example: 'kom-efektif-2026', description: 'Chosen by the training officer; stable, lowercase' })
  @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'programmeId must be 3–64 lowercase letters, digits or dashes' })
  programmeId: string;
}
