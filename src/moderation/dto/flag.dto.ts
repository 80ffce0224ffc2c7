import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { FLAG_REASONS, FlagReason } from '../moderation-policy';
import { IsTrimmedText } from './validators';

@ApiSchema({ name: 'CreateFlagRequest' })
export class CreateFlagDto {
  @ApiProperty({
    enum: FLAG_REASONS,
    description: '`synthetic_media`: shows or links manipulated or AI-generated footage presented as real',
  })
  @IsIn(FLAG_REASONS, { message: `reason must be one of ${FLAG_REASONS.join(', ')}` })
  reason: FlagReason;

  /** What the moderators should know that the reason does not say. */
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsTrimmedText('note', 0, 500)
  note?: string;
}

@ApiSchema({ name: 'Flag' })
export class FlagResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason: FlagReason;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A flag as moderators see it: with who raised it. */
@ApiSchema({ name: 'QueueFlag' })
export class QueueFlagDto extends FlagResponseDto {
  @ApiProperty({ type: AuthorDto }) user: AuthorDto;
}

/** `flag.created` on the moderation stream. */
@ApiSchema({ name: 'FlagCreated' })
export class FlagCreatedDto extends QueueFlagDto {
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
}
