import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class VoteDto {
  /** 1 up, -1 down, 0 withdraws. */
  @ApiProperty({ enum: [1, -1, 0] })
  @IsIn([1, -1, 0], { message: 'value must be 1, -1 or 0' })
  value: 1 | -1 | 0;
}

export class VoteResultDto {
  @ApiProperty() score: number;
  @ApiProperty({ enum: [1, -1, 0] }) myVote: 1 | -1 | 0;
}
