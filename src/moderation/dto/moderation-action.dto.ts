import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Category, QUEUE_ACTIONS, QueueAction } from '../moderation-policy';
import { IsCategory, IsTrimmedText } from './validators';

@ApiSchema({ name: 'ModerationActionRequest' })
export class ModerationActionDto {
  @ApiProperty({ enum: QUEUE_ACTIONS })
  @IsIn(QUEUE_ACTIONS, { message: `action must be one of ${QUEUE_ACTIONS.join(', ')}` })
  action: QueueAction;

  /** Shown to the author and, without the moderator's name, in the public transparency log. */
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsTrimmedText('reason', 1, 500)
  reason: string;

  /** The rule this enforces, for the public summary; by default the most common reason of the item's flags. */
  @IsCategory()
  category?: Category;

  /**
   * The queue item the moderator is looking at: when it was resolved meanwhile (another moderator was faster), the
   * action is refused with 409 instead of being applied twice.
   */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'itemId must be a UUID' })
  itemId?: string;
}
