import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';
import { StreamJoinMessage } from '../../events/socket-contract';

/** `user:join`: follow one's own stream (notifications); naming anyone else's is refused (403). */
export class JoinUserMessage extends StreamJoinMessage {
  @ApiPropertyOptional({ format: 'uuid', description: "One's own id; absent means one's own stream" })
  // Absent means one's own stream; null is not absent.
  @ValidateIf((message: JoinUserMessage) => message.userId !== undefined)
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;
}

export class LeaveUserMessage {
  @ApiProperty({ format: 'uuid', description: "One's own id" })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}
