import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { UnitServiceDto } from './unit-service.dto';

export class ReviseServiceUnitRequest {
  @ApiPropertyOptional({ example: 'Puskesmas Gulai Bancah' }) @IsOptional() @IsString() @Length(2, 120) name?: string;

  @ApiPropertyOptional({ type: [UnitServiceDto], description: 'Replaces the list' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => UnitServiceDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  services?: UnitServiceDto[];

  @ApiPropertyOptional({ example: 15000 }) @IsOptional() @IsInt() @Min(1) @Max(100_000_000) annualServiceUsers?: number;
}

export const reviseServiceUnit = defineUseCase({
  name: 'reviseServiceUnit',
  service: 'feedback',
  method: 'POST',
  path: '/service-units/:unitCode/revisions',
  tag: 'service units',
  summary: 'Revise a service unit (name, services, yearly service users)',
  params: { unitCode: PARAM.unitCode },
  body: ReviseServiceUnitRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
  ifMatch: true,
});
