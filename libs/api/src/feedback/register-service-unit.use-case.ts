import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SERVICE_UNIT_KINDS, ServiceUnitKind } from '@kompeten/contracts';
import { UNIT_CODE, UNIT_CODE_MESSAGE } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';
import { UnitServiceDto } from './unit-service.dto';

export class RegisterServiceUnitRequest {
  @ApiProperty({ example: 'PUSKESMAS-GULAI-BANCAH' })
  @Matches(UNIT_CODE, { message: `unitCode ${UNIT_CODE_MESSAGE}` })
  unitCode: string;

  @ApiProperty({ example: 'Puskesmas Gulai Bancah' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ example: 'DINKES' })
  @Matches(UNIT_CODE, { message: 'opd must be an OPD code such as DINKES' })
  opd: string;

  @ApiProperty({ enum: SERVICE_UNIT_KINDS })
  @IsIn(SERVICE_UNIT_KINDS)
  kind: ServiceUnitKind;

  @ApiProperty({ type: [UnitServiceDto] })
  @ValidateNested({ each: true })
  @Type(() => UnitServiceDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  services: UnitServiceDto[];

  @ApiProperty({
    example: 12000,
    description:
      'Service users a year: the population N of the Krejcie–Morgan sample target (a period takes its share)',
  })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  annualServiceUsers: number;
}

export const registerServiceUnit = defineUseCase({
  name: 'registerServiceUnit',
  service: 'feedback',
  method: 'POST',
  path: '/service-units',
  tag: 'service units',
  summary: 'Register a service unit (a puskesmas, a Disdukcapil counter …) with its services',
  params: {},
  body: RegisterServiceUnitRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 409],
});
