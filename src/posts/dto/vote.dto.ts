import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

@ApiSchema({ name: 'VoteRequest' })
export class VoteDto {
  /** 1 up, -1 down, 0 withdraws. */
  @ApiProperty({ type: 'integer', enum: [1, -1, 0], description: '1 up, -1 down, 0 withdraws' })
  @IsIn([1, -1, 0], { message: 'value must be 1, -1 or 0' })
  value: 1 | -1 | 0;
}

@ApiSchema({ name: 'VoteResult' })
export class VoteResultDto {
  @ApiProperty({ type: 'integer' }) score: number;
  @ApiProperty({ type: 'integer', enum: [1, -1, 0] }) myVote: 1 | -1 | 0;
}
