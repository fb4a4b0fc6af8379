import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { EMPLOYMENT_TYPES, EmploymentType } from '@kompeten/contracts';
import { IsNip } from '../shared/nip.validator';
import { WorkUnitDto } from '../shared/work-unit.dto';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';

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
}

export const registerStaff = defineUseCase({
  name: 'registerStaff',
  service: 'enrolment',
  method: 'POST',
  path: '/staff',
  tag: 'staff',
  summary: 'Register a staff member (NIP validated part by part; the name is personal data)',
  params: {},
  body: RegisterStaffRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 409],
});
