import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { WITHDRAWAL_REASONS, WithdrawalReason } from '@kompeten/contracts';

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
