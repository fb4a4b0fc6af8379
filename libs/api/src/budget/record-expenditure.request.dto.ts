import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_RUPIAH } from './codes';

export class RecordExpenditureRequest {
  @ApiProperty({
    example: 1_450_000,
    description: 'The actual cost in rupiah (may differ from the commitment, within the allocation)',
  })
  @IsInt({ message: 'amount must be a whole number of rupiah' })
  @Min(0)
  @Max(MAX_RUPIAH)
  amount: number;
  @ApiProperty({ example: 24, description: 'Lesson hours delivered (for the cost per JP)' })
  @IsInt()
  @Min(0)
  @Max(1000)
  jp: number;
}
