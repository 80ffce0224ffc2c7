import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { STANCES, Stance } from '../../debates/stance';
import { POST_STATUSES, PostStatus } from '../post.entity';

export class PostResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) debateId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: AuthorDto, nullable: true, description: 'null on a tombstone' }) author: AuthorDto | null;
  @ApiProperty({ description: 'Markdown exactly as written; empty on a tombstone' }) body: string;
  @ApiProperty({ enum: STANCES, nullable: true }) stance: Stance | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sectionId: string | null;
  @ApiProperty({ type: String, nullable: true }) quote: string | null;
  @ApiProperty({ enum: POST_STATUSES }) status: PostStatus;
  @ApiProperty() score: number;
  @ApiProperty({ description: 'Direct replies in place in the thread' }) replyCount: number;
  @ApiProperty() depth: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'seq of its post.created event' }) seq: number | null;
  @ApiPropertyOptional({ enum: [1, -1, 0], description: "The reader's vote; absent for guests" }) myVote?: 1 | -1 | 0;
}

export class PostTreeNodeDto extends PostResponseDto {
  @ApiProperty({ type: () => [PostTreeNodeDto] }) replies: PostTreeNodeDto[];
}
