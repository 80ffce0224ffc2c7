import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { PostResponseDto } from '../../posts/dto/post-response.dto';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { IsTrimmedText } from './validators';
import { LogEntryDto } from './log.dto';

export const APPEAL_TARGETS = ['post', 'suspension'] as const;
export type AppealTarget = (typeof APPEAL_TARGETS)[number];
export const APPEAL_STATES = ['open', 'upheld', 'reversed'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_DECISIONS = ['uphold', 'reverse'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

@ApiSchema({ name: 'CreateAppealRequest' })
export class CreateAppealDto {
  @ApiProperty({ enum: APPEAL_TARGETS })
  @IsIn(APPEAL_TARGETS, { message: 'targetType must be post or suspension' })
  targetType: AppealTarget;

  /** The post, or for a suspension the suspended person's own id. */
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId: string;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsTrimmedText('message', 1, 2000)
  message: string;
}

@ApiSchema({ name: 'AppealDecisionRequest' })
export class AppealDecisionDto {
  @ApiProperty({ enum: APPEAL_DECISIONS })
  @IsIn(APPEAL_DECISIONS, { message: 'decision must be uphold or reverse' })
  decision: AppealDecision;

  /** Shown to the person who appealed. */
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsTrimmedText('reason', 1, 500)
  reason: string;
}

export class AppealQueryDto extends ListQueryDto {
  /** `open`: waiting, oldest first; `decided`: latest decision first. */
  @ApiPropertyOptional({ enum: ['open', 'decided'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'decided'], { message: 'state must be open or decided' })
  state: 'open' | 'decided' = 'open';
}

@ApiSchema({ name: 'Appeal' })
export class AppealDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: APPEAL_TARGETS }) targetType: AppealTarget;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: APPEAL_STATES }) state: AppealState;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ description: 'The action appealed: hide, hold, delete, label or suspend' }) appealedAction: string;
}

/** An appeal as moderators decide it: with the decision it contests, who appealed, and the post as it is. */
@ApiSchema({ name: 'AppealDetail' })
export class AppealDetailDto extends AppealDto {
  @ApiProperty({ type: AuthorDto }) appellant: AuthorDto;
  @ApiProperty({ type: LogEntryDto }) decision: LogEntryDto;
  @ApiProperty({ type: PostResponseDto, nullable: true }) post: PostResponseDto | null;
  @ApiProperty({ type: AuthorDto, nullable: true }) decidedBy: AuthorDto | null;
}

@ApiSchema({ name: 'AppealPage' })
export class AppealPageDto {
  @ApiProperty({ type: [AppealDetailDto] }) items: AppealDetailDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiSchema({ name: 'MyAppealPage' })
export class MyAppealPageDto {
  @ApiProperty({ type: [AppealDto] }) items: AppealDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** `appeal.created` and `appeal.decided` on the moderation stream. */
@ApiSchema({ name: 'AppealEvent' })
export class AppealEventDto extends AppealDto {}
