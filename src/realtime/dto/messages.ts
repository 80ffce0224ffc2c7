import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { CreatePostDto } from '../../posts/dto/create-post.dto';

export class JoinDebateMessage {
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;

  /** The last seq the client saw; events after it come back as `missed`. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'since must be a non-negative integer' })
  @Min(0, { message: 'since must be a non-negative integer' })
  since?: number;
}

export class LeaveDebateMessage {
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;
}

export class CreatePostMessage extends CreatePostDto {
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;
}

export class TypingMessage {
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;

  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}
