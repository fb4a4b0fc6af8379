import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmptyObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsNip } from '../shared/nip.validator';
import { PROGRAMME_ID } from '../budget/codes';
import { IsBusinessDate } from './business-date.validator';

/** The assignment letter (surat tugas) that releases a staff member from duty for the training days. */
export class SuratTugasDto {
  @ApiProperty({ example: '800/112/PKM-GB/2026', description: 'The letter’s number, as the unit numbers its letters' })
  @IsString()
  @Length(1, 100)
  number: string;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The letter’s date (city calendar)' })
  @IsBusinessDate()
  date: string;
}

/** Which enrolment a unit head decides on: a staff member of their unit in a programme. */
export class ReleaseTargetDto {
  @ApiProperty({ example: 'kom-efektif-2026' })
  @Matches(PROGRAMME_ID, { message: 'programmeId must be 3–64 lowercase letters, digits or dashes' })
  programmeId: string;
  @ApiProperty({ example: '198609262015051001' }) @IsNip() nip: string;
}

export class ReleaseRequest extends ReleaseTargetDto {
  @ApiProperty({ type: SuratTugasDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => SuratTugasDto)
  suratTugas: SuratTugasDto;
}
