import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { DECLINE_REASONS, type DeclineReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { ReleaseTargetDto } from './release.dto';

export class DeclineReleaseRequest extends ReleaseTargetDto {
  @ApiProperty({
    enum: DECLINE_REASONS,
    description: 'Coded, for the workload reports; `other` needs a note',
  })
  @IsIn(DECLINE_REASONS)
  reason: DeclineReason;
  @ApiPropertyOptional({
    example: 'Dua perawat sedang cuti melahirkan',
    nullable: true,
    description: 'Required when the reason is other',
  })
  @ValidateIf((o: DeclineReleaseRequest) => o.reason === 'other' || (o.note !== undefined && o.note !== null))
  @IsString()
  @Length(3, 500)
  note?: string | null;
}

export const declineRelease = defineUseCase({
  name: 'declineRelease',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/declines',
  tag: 'releases',
  summary:
    'The unit head declines a staff member’s request to train, with a coded reason (workload-no-cover, service-continuity, not-relevant, budget, other + note): the seat goes to the next in line and the budget releases the funds.',
  params: { opd: PARAM.opd },
  body: DeclineReleaseRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'Already declined (appends nothing)',
  access: { roles: ['unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
