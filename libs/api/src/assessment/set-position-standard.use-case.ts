import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';

export class RequirementDto {
  @ApiProperty({ example: 'komunikasi' })
  @IsString()
  @Length(2, 64)
  competencyCode: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}

export class SetPositionStandardRequest {
  @ApiProperty({
    example: 'Perawat Ahli Pertama',
    description: 'As the roster names it (StaffRegistered.position); matched by its slug',
  })
  @IsString()
  @Length(2, 120)
  @Matches(/[A-Za-z0-9]/, { message: 'position must contain letters or digits' })
  position: string;

  @ApiProperty({ type: [RequirementDto], description: 'The whole set: it replaces the previous one' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];
}

export const setPositionStandard = defineUseCase({
  name: 'setPositionStandard',
  service: 'assessment',
  method: 'POST',
  path: '/position-standards',
  tag: 'competencies and assessments',
  summary: 'Set the required level per competency of a position',
  params: {},
  body: SetPositionStandardRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 409],
  ifMatch: true,
});
