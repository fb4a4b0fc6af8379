import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_RUPIAH } from './codes';

export class ReviseAllocationRequest {
  @ApiProperty({
    example: 60_000_000,
    description: 'The new amount in rupiah: never below what is committed and spent, never past the ceiling',
  })
  @IsInt({ message: 'amount must be a whole number of rupiah' })
  @Min(0)
  @Max(MAX_RUPIAH)
  amount: number;
}
