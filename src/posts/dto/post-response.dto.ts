import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page.dto';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { STANCES, Stance } from '../../debates/stance';
import { POST_STATUSES, PostStatus, RELATIONS, Relation } from '../post.entity';
import { LABEL_KINDS, LabelKind } from '../post-label';

/** A moderator's public mark on a post that stays visible, shown under it to everyone. */
@ApiSchema({ name: 'PostLabel' })
export class PostLabelDto {
  @ApiProperty({ enum: LABEL_KINDS }) kind: LabelKind;
  @ApiProperty({ description: 'A short explanation' }) note: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where the evidence is' }) sourceUrl: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Why a pending or hidden post is not public; only its author and the moderators ever see such a post. */
@ApiSchema({ name: 'PostStatusReason' })
export class PostStatusReasonDto {
  @ApiProperty({
    description:
      '`premoderated`, `new_account`, `watched_word`, `flags` (hidden pending review after enough flags), `moderator`',
  })
  cause: string;
  @ApiProperty({ type: String, nullable: true, description: "The moderator's reason, or the watched word" })
  note: string | null;
}

@ApiSchema({ name: 'Post' })
export class PostResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) debateId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: AuthorDto, nullable: true, description: 'null on a tombstone' }) author: AuthorDto | null;
  @ApiProperty({ description: 'Markdown exactly as written; empty on a tombstone' }) body: string;
  @ApiProperty({
    enum: [...STANCES, null],
    nullable: true,
    description: 'The side a top-level post takes; null without one, always on replies',
  })
  stance: Stance | null;
  @ApiProperty({
    enum: [...RELATIONS, null],
    nullable: true,
    description: 'What a reply says of its parent; null when it does not say, always on top-level posts',
  })
  relation: Relation | null;
  @ApiProperty({
    type: [String],
    description: 'Usernames the body mentions (`@name`) that are accounts; other @words are plain text',
  })
  mentions: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sectionId: string | null;
  @ApiProperty({ type: String, nullable: true }) quote: string | null;
  @ApiProperty({ enum: POST_STATUSES }) status: PostStatus;
  @ApiProperty({ type: 'integer' }) score: number;
  @ApiProperty({ type: 'integer', description: 'Direct replies in place in the thread' }) replyCount: number;
  @ApiProperty({ type: 'integer', description: 'Visible direct replies that support it' }) supportCount: number;
  @ApiProperty({ type: 'integer', description: 'Visible direct replies that challenge it' }) challengeCount: number;
  @ApiProperty({ type: 'integer', description: '0 for a top-level post' }) depth: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'seq of its post.created event' }) seq: number | null;
  @ApiProperty({ type: PostLabelDto, nullable: true, description: "A moderator's public mark, shown to everyone" })
  label: PostLabelDto | null;
  @ApiProperty({
    type: PostStatusReasonDto,
    nullable: true,
    description: 'Set on pending and hidden posts, and for its author on a post a moderator deleted',
  })
  statusReason: PostStatusReasonDto | null;
  @ApiPropertyOptional({
    type: 'integer',
    enum: [1, -1, 0],
    description: "The reader's vote (0: none); absent for guests",
  })
  myVote?: 1 | -1 | 0;
  @ApiPropertyOptional({
    description:
      'Whether the reader wrote it; absent for guests. On a tombstone the only sign of its author, to that author alone',
  })
  mine?: boolean;
}

@ApiSchema({ name: 'PostTreeNode', description: 'A post with its replies (oldest first), as deep as asked.' })
export class PostTreeNodeDto extends PostResponseDto {
  @ApiProperty({ type: () => [PostTreeNodeDto] }) replies: PostTreeNodeDto[];
}

@ApiSchema({ name: 'PostTree', description: 'Every top-level post of a debate with its replies.' })
export class PostTreeDto {
  @ApiProperty({ type: [PostTreeNodeDto] }) items: PostTreeNodeDto[];
}

@ApiSchema({ name: 'PostPage' })
export class PostPageDto extends PageOf(PostResponseDto) {}

@ApiSchema({ name: 'Revision', description: 'An earlier body of a post, kept when it was edited or deleted.' })
export class RevisionResponseDto {
  @ApiProperty({ description: 'The body before the change' }) body: string;
  @ApiProperty({ format: 'date-time', description: 'When it was replaced' }) editedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who replaced it' }) editorId:
    string | null;
}

@ApiSchema({ name: 'RevisionPage' })
export class RevisionPageDto extends PageOf(RevisionResponseDto) {}
