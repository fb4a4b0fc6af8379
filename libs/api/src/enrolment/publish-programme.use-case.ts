import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ProgrammeDetailsDto } from './programme-details.dto';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';

export class PublishProgrammeRequest extends ProgrammeDetailsDto {
  @ApiProperty({ example: 'kom-efektif-2026', description: 'Chosen by the training officer; stable, lowercase' })
  @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'programmeId must be 3–64 lowercase letters, digits or dashes' })
  programmeId: string;
}

export const publishProgramme = defineUseCase({
  name: 'publishProgramme',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes',
  tag: 'programmes',
  summary: 'Publish a programme to the catalogue',
  params: {},
  body: PublishProgrammeRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 409],
});
