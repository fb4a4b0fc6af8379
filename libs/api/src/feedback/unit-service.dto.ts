import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class UnitServiceDto {
  @ApiProperty({ example: 'POLI-UMUM' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,39}$/, { message: 'code must be capitals, digits and dashes (at most 40)' })
  code: string;

  @ApiProperty({ example: 'Poli umum' })
  @IsString()
  @Length(2, 120)
  name: string;
}
