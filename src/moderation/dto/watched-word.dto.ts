import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PATTERN_MAX_LENGTH, WATCHED_ACTIONS, WatchedAction } from '../watched-word-matcher';
import { IsTrimmedText } from './validators';

@ApiSchema({ name: 'CreateWatchedWordRequest' })
export class CreateWatchedWordDto {
  /** Literal text, whole words, case-insensitive; `*` is the only wildcard (never a regular expression). */
  @ApiProperty({ minLength: 1, maxLength: PATTERN_MAX_LENGTH, example: 'deepfake*' })
  @IsTrimmedText('pattern', 1, PATTERN_MAX_LENGTH)
  pattern: string;

  /** `block`: refused (422); `review`: held as pending; `flag`: published and put in the queue. */
  @ApiProperty({ enum: WATCHED_ACTIONS })
  @IsIn(WATCHED_ACTIONS, { message: `action must be one of ${WATCHED_ACTIONS.join(', ')}` })
  action: WatchedAction;
}

@ApiSchema({ name: 'WatchedWord' })
export class WatchedWordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() pattern: string;
  @ApiProperty({ enum: WATCHED_ACTIONS }) action: WatchedAction;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
