import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { MayOmit } from '../../common/validation/may-omit.decorator';
import { DEBATE_STATUSES, DebateStatus } from '../debate.entity';

/** A partial change: each field may be left out, none may be null. */
@ApiSchema({ name: 'UpdateDebateRequest', description: 'At least one field; none may be null.' })
export class UpdateDebateDto {
  @ApiPropertyOptional({ enum: DEBATE_STATUSES })
  @MayOmit()
  @IsIn(DEBATE_STATUSES, { message: 'status must be open or locked' })
  status?: DebateStatus;

  /** Minimum seconds between two posts of one person in this debate; 0 turns slow mode off. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 86400 })
  @MayOmit()
  @IsInt()
  @Min(0)
  @Max(86400)
  slowModeSeconds?: number;

  /** Every new post waits for a moderator. */
  @ApiPropertyOptional()
  @MayOmit()
  @IsBoolean()
  premoderated?: boolean;
}
