import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { isTrimmedText, IsTrimmedText } from '../../common/validation/trimmed-text';

export const POLL_KINDS = ['pre', 'post', 'quick'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_STATES = ['draft', 'open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_OPTION_LENGTH = 200;

@ApiSchema({ name: 'CreatePollRequest' })
export class CreatePollDto {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Should platforms be liable for unlabelled AI video?' })
  @IsTrimmedText('question', 300)
  question: string;

  @ApiProperty({
    type: [String],
    minItems: MIN_OPTIONS,
    maxItems: MAX_OPTIONS,
    description: `${MIN_OPTIONS}-${MAX_OPTIONS} different options, each 1-${MAX_OPTION_LENGTH} characters`,
    example: ['Yes', 'No', 'Not sure'],
  })
  @IsArray({ message: 'options must be a list of strings' })
  @ArrayMinSize(MIN_OPTIONS, { message: `options must have ${MIN_OPTIONS}-${MAX_OPTIONS} entries` })
  @ArrayMaxSize(MAX_OPTIONS, { message: `options must have ${MIN_OPTIONS}-${MAX_OPTIONS} entries` })
  @ValidateBy({
    name: 'isOptionText',
    validator: {
      validate: (options: unknown) =>
        Array.isArray(options) && options.every((option) => isTrimmedText(option, MAX_OPTION_LENGTH)),
      defaultMessage: () => `each option must be 1-${MAX_OPTION_LENGTH} characters (not counting surrounding spaces)`,
    },
  })
  @ArrayUnique((option: unknown) => (typeof option === 'string' ? option.trim().toLowerCase() : option), {
    message: 'options must differ from one another',
  })
  options: string[];

  /** `pre` and `post` measure opinion before and after the discussion; `quick` is any other question. */
  @ApiProperty({ enum: POLL_KINDS })
  @IsIn(POLL_KINDS, { message: 'kind must be pre, post or quick' })
  kind: PollKind;

  /** For a `post` poll: the `pre` poll of this session, with the same options, that it is compared with. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'pairedPollId must be a UUID' })
  pairedPollId?: string;
}

@ApiSchema({ name: 'PollVoteRequest' })
export class PollVoteDto {
  @ApiProperty({ minimum: 0, maximum: MAX_OPTIONS - 1, description: "The chosen option's index in `options`" })
  @IsInt({ message: 'optionIndex must be a whole number' })
  @Min(0, { message: 'optionIndex must be 0 or more' })
  // Past any poll's options whatever the poll; the service checks this poll's own.
  @Max(MAX_OPTIONS - 1, { message: `optionIndex must be below ${MAX_OPTIONS}` })
  optionIndex: number;
}

/** A poll's live figures: `poll.results` carries these, at most a few times a second. */
@ApiSchema({ name: 'PollResults' })
export class PollResultsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [Number], description: 'Votes per option, in the order of options' }) counts: number[];
  @ApiProperty({ description: 'People who voted' }) total: number;
}

@ApiSchema({ name: 'Poll' })
export class PollDto extends PollResultsDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ enum: POLL_KINDS }) kind: PollKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pairedPollId: string | null;
  @ApiProperty({ enum: POLL_STATES }) state: PollState;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: "The caller's option index, null when they have not voted; absent in events and for guests",
  })
  myVote?: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

@ApiSchema({ name: 'PollPage' })
export class PollPageDto {
  @ApiProperty({ type: [PollDto] }) items: PollDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
