import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { IsTrimmedText } from '../../common/validation/trimmed-text';

export const QUESTION_STATES = ['open', 'answered', 'hidden'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];
export const QUESTION_ORDERS = ['top', 'new', 'balanced'] as const;
export type QuestionOrder = (typeof QUESTION_ORDERS)[number];
export const MAX_QUESTION = 500;

@ApiSchema({ name: 'AskQuestionRequest' })
export class AskQuestionDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_QUESTION, example: 'Who checks the watermark after a re-upload?' })
  @IsTrimmedText('body', MAX_QUESTION)
  body: string;
}

@ApiSchema({ name: 'UpdateQuestionRequest' })
export class UpdateQuestionDto {
  @ApiProperty({ enum: QUESTION_STATES })
  @IsIn(QUESTION_STATES, { message: 'state must be open, answered or hidden' })
  state: QuestionState;
}

export class ListQuestionsQuery extends ListQueryDto {
  /**
   * `top`: most up-voted first, then oldest; `new`: newest first; `balanced`: the top question of each stance in
   * turn (an asker's stance is that of their top-level posts in the session's debates), people without one last.
   */
  @ApiPropertyOptional({ enum: QUESTION_ORDERS, default: 'top' })
  @IsOptional()
  @IsIn(QUESTION_ORDERS, { message: 'order must be top, new or balanced' })
  order: QuestionOrder = 'top';
}

@ApiSchema({ name: 'QuestionAuthor' })
export class QuestionAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** A question's up-votes: `question.upvoted` carries these, at most a few times a second. */
@ApiSchema({ name: 'QuestionUpvotes' })
export class QuestionUpvotesDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() upvotes: number;
}

@ApiSchema({ name: 'Question' })
export class QuestionDto extends QuestionUpvotesDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ description: 'Exactly as asked; empty when hidden from the reader' }) body: string;
  @ApiProperty({ type: QuestionAuthorDto, nullable: true, description: 'null when hidden from the reader' })
  author: QuestionAuthorDto | null;
  @ApiPropertyOptional({ description: 'Whether the caller up-voted it; absent in events and for guests' })
  myUpvote?: boolean;
  @ApiProperty({ enum: QUESTION_STATES }) state: QuestionState;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

@ApiSchema({ name: 'QuestionPage' })
export class QuestionPageDto {
  @ApiProperty({ type: [QuestionDto] }) items: QuestionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
