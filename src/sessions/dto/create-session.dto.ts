import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { IsTrimmedText } from '../../common/validation/trimmed-text';

export const MAX_AGENDA = 20;

@ApiSchema({ name: 'CreateSessionRequest' })
export class CreateSessionDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Sora in class: who is responsible for fakes?' })
  @IsTrimmedText('title', 200)
  title: string;

  /** The agenda: debates discussed in this order; the first becomes the current one. */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_AGENDA })
  @IsArray({ message: 'debateIds must be a list of debate ids' })
  @ArrayMinSize(1, { message: 'debateIds must name at least one debate' })
  @ArrayMaxSize(MAX_AGENDA, { message: `debateIds may name at most ${MAX_AGENDA} debates` })
  @ArrayUnique({ message: 'debateIds must name each debate once' })
  @IsUUID('all', { each: true, message: 'each of debateIds must be a UUID' })
  debateIds: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When it is announced to begin (informative only)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt?: string;
}
