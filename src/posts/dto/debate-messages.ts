import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { StreamJoinMessage } from '../../events/socket-contract';
import { CreatePostDto } from './create-post.dto';
import { PostResponseDto } from './post-response.dto';

/** `debate:join`: follow a debate's stream, resuming after `since`. */
export class JoinDebateMessage extends StreamJoinMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;
}

export class LeaveDebateMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;
}

/** `post:create`: the REST body plus the debate it goes to. */
export class CreatePostMessage extends CreatePostDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;
}

/** The `post:create` ack besides `ok: true`: the post, new or (a repeated clientId) the first one. */
export class PostCreatedAck {
  @ApiProperty({ type: PostResponseDto }) post: PostResponseDto;
}
