import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches, ValidateIf } from 'class-validator';
import { StreamJoinMessage } from '../../events/socket-contract';
import { SessionViewDto } from './session.dto';

/** `session:join`: follow a session's stream, named by its id or its join code, resuming after `since`. */
export class JoinSessionMessage extends StreamJoinMessage {
  @ApiPropertyOptional({ format: 'uuid', description: 'The session; or send code instead' })
  @ValidateIf((message: JoinSessionMessage) => message.code === undefined || message.sessionId !== undefined)
  @IsUUID('all', { message: 'sessionId must be a UUID (or send code instead)' })
  sessionId?: string;

  @ApiPropertyOptional({ description: 'The join code, in any case; or send sessionId instead', example: 'K7Q2MZ' })
  // Only absent counts as "not sent": null must fail here, not reach the lookup.
  @ValidateIf((message: JoinSessionMessage) => message.code !== undefined)
  @Matches(/^\s*[A-Za-z0-9]{6}\s*$/, { message: 'code must be the 6 characters of a join code' })
  code?: string;
}

export class LeaveSessionMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sessionId must be a UUID' })
  sessionId: string;
}

/** What a `session:join` ack carries besides `{ok, seq, presence, missed}`: the session as it is now. */
export class SessionJoinAck {
  @ApiProperty({ type: () => SessionViewDto }) session: SessionViewDto;
}
