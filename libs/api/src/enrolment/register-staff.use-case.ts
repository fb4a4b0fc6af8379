import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { EMPLOYMENT_TYPES, EmploymentType } from '@kompeten/contracts';
import { IsNip } from '../shared/nip.validator';
import { WorkUnitDto } from '../shared/work-unit.dto';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

export class RegisterStaffRequest {
  @ApiProperty({
    example: '198609262015051001',
    description: '18 digits: birth date, appointment month, gender (1|2), sequence',
  })
  @IsNip()
  nip: string;

  @ApiProperty({ example: 'Siti Rahmah', description: 'Personal data: stored encrypted, erasable' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES)
  employmentType: EmploymentType;

  @ApiProperty({ type: WorkUnitDto })
  @ValidateNested()
  @Type(() => WorkUnitDto)
  workUnit: WorkUnitDto;

  @ApiProperty({ example: 'Perawat Ahli Pertama' })
  @IsString()
  @Length(2, 120)
  position: string;

  @ApiPropertyOptional({
    example: '2015-05-04',
    format: 'date',
    description:
      'When they began serving the city (for PPPK: the start of the contract), in the city’s calendar. Default: the city’s today; never in the future; for a PNS not before the appointment month in the NIP. Staff serving before go-live are registered with their real date.',
  })
  @IsOptional()
  @IsBusinessDate()
  registeredOn?: string;

  @ApiPropertyOptional({
    example: '2021-01-04',
    format: 'date',
    description: 'When they took up the position. Default: registeredOn; never in the future, nor before registeredOn.',
  })
  @IsOptional()
  @IsBusinessDate()
  positionSince?: string;
}

export const registerStaff = defineUseCase({
  name: 'registerStaff',
  service: 'enrolment',
  method: 'POST',
  path: '/staff',
  tag: 'staff',
  summary:
    'Register a staff member (NIP validated part by part; the name is personal data) with the dates they began serving and holding the position',
  params: {},
  body: RegisterStaffRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 409],
});
