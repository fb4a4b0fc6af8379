import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { WITHDRAWAL_REASONS, WithdrawalReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export class WithdrawEnrolmentRequest {
  @ApiProperty({ enum: WITHDRAWAL_REASONS, description: 'workload is the commonest reason staff give; reports use it' })
  @IsIn(WITHDRAWAL_REASONS)
  reason: WithdrawalReason;

  @ApiPropertyOptional({ description: 'Required when the reason is other' })
  @ValidateIf((o: WithdrawEnrolmentRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString()
  @Length(3, 500)
  note?: string;
}

export const withdrawEnrolment = defineUseCase({
  name: 'withdrawEnrolment',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/withdrawal',
  tag: 'enrolments',
  summary: 'Withdraw, with a reason (workload, illness, transfer, other + note)',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  body: WithdrawEnrolmentRequest,
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer', 'staff'], selfParam: 'nip' },
  problems: [400, 404, 409],
});
