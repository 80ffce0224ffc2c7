import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROLES, Role } from '../../common/auth/actor';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { PostResponseDto } from '../../posts/dto/post-response.dto';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { QUEUE_ACTIONS, Resolution } from '../moderation-policy';
import { QueueFlagDto } from './flag.dto';

export const QUEUE_STATES = ['open', 'resolved'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export class QueueQueryDto extends ListQueryDto {
  /** `open`: waiting, oldest first; `resolved`: decided, latest decision first. */
  @ApiPropertyOptional({ enum: QUEUE_STATES, default: 'open' })
  @IsOptional()
  @IsIn(QUEUE_STATES, { message: 'state must be open or resolved' })
  state: QueueState = 'open';
}

/** What put the post in the queue. */
@ApiSchema({ name: 'QueueCause' })
export class QueueCauseDto {
  @ApiProperty({ description: '`flags`, `watched_word`, `premoderated`, `new_account`' }) kind: string;
  @ApiPropertyOptional({ description: 'The watched word that matched' }) pattern?: string;
  @ApiPropertyOptional({ enum: ['review', 'flag'], description: 'What the watched word does' }) action?: string;
}

/** The author and what moderators decided about them before. */
@ApiSchema({ name: 'QueueAuthor' })
export class QueueAuthorDto extends AuthorDto {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suspendedUntil: string | null;
  @ApiProperty({ description: 'Posts of theirs hidden before (by moderators or by flags)' }) hides: number;
  @ApiProperty() deletions: number;
  @ApiProperty() labels: number;
  @ApiProperty() suspensions: number;
}

/** The post a reply answers, in short. */
@ApiSchema({ name: 'QueueParent' })
export class QueueParentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: AuthorDto, nullable: true }) author: AuthorDto | null;
  @ApiProperty({ description: 'Its first 300 characters' }) excerpt: string;
}

@ApiSchema({ name: 'QueueDebate' })
export class QueueDebateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() question: string;
}

@ApiSchema({ name: 'QueueItem' })
export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUEUE_STATES }) state: QueueState;
  @ApiProperty({ type: PostResponseDto, description: 'As moderators see it, whatever its status' })
  post: PostResponseDto;
  @ApiProperty({ type: QueueDebateDto }) debate: QueueDebateDto;
  @ApiProperty({ type: QueueParentDto, nullable: true }) parent: QueueParentDto | null;
  @ApiProperty({ type: [QueueFlagDto], description: 'Oldest first' }) flags: QueueFlagDto[];
  @ApiProperty({ type: [QueueCauseDto] }) causes: QueueCauseDto[];
  @ApiProperty({ type: QueueAuthorDto, nullable: true }) author: QueueAuthorDto | null;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ enum: [...QUEUE_ACTIONS, 'label'], nullable: true }) resolution: Resolution | null;
  @ApiProperty({ type: String, nullable: true }) resolutionReason: string | null;
  @ApiProperty({ type: AuthorDto, nullable: true }) resolvedBy: AuthorDto | null;
}

@ApiSchema({ name: 'QueuePage' })
export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items: QueueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'Open items in the whole queue' }) openCount: number;
}

/** `queue.updated` on the moderation stream: an item opened, grew, or was resolved. */
@ApiSchema({ name: 'QueueUpdate' })
export class QueueUpdateDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ enum: QUEUE_STATES }) state: QueueState;
  @ApiProperty({ type: QueueItemDto, nullable: true, description: 'The item as it is now, while open' })
  item: QueueItemDto | null;
  @ApiProperty() openCount: number;
}
