import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEBATE_STATUSES, DebateStatus } from '../debate.entity';

export class UpdateDebateDto {
  @ApiPropertyOptional({ enum: DEBATE_STATUSES })
  @IsOptional()
  @IsIn(DEBATE_STATUSES, { message: 'status must be open or locked' })
  status?: DebateStatus;

  /** Minimum seconds between two posts of one person in this debate; 0 turns slow mode off. */
  @ApiPropertyOptional({ minimum: 0, maximum: 86400 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  slowModeSeconds?: number;

  /** Every new post waits for a moderator. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  premoderated?: boolean;
}
