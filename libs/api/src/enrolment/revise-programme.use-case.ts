import { PartialType } from '@nestjs/swagger';
import { ProgrammeDetailsDto } from './programme-details.dto';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

/** Only the fields that change. */
export class ReviseProgrammeRequest extends PartialType(ProgrammeDetailsDto) {}

export const reviseProgramme = defineUseCase({
  name: 'reviseProgramme',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/revisions',
  tag: 'programmes',
  summary: 'Revise catalogue details (never capacity below the seats taken)',
  params: { programmeId: PARAM.programmeId },
  body: ReviseProgrammeRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
  ifMatch: true,
});
