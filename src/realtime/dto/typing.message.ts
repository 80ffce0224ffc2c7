import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** `typing`: someone is writing in a debate (ephemeral: relayed, never logged). */
export class TypingMessage {
  @ApiProperty({ format: 'uuid', description: 'A debate the socket has joined' })
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The post being replied to' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}
