import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { CATEGORIES, LOG_ACTIONS, LogAction, TARGET_TYPES, TargetType } from '../moderation-policy';

export class LogQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: LOG_ACTIONS })
  @IsOptional()
  @IsIn(LOG_ACTIONS, { message: `action must be one of ${LOG_ACTIONS.join(', ')}` })
  action?: LogAction;

  /** Everything done to one post or person. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId?: string;

  /** `csv`: the whole filtered log as a download, newest first. */
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format: 'json' | 'csv' = 'json';
}

/** An entry as the public sees it: what was done, to what, why and when, never by whom. */
@ApiSchema({ name: 'PublicLogEntry' })
export class PublicLogEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LOG_ACTIONS }) action: LogAction;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: TargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: CATEGORIES, nullable: true }) category: string | null;
  @ApiProperty({ description: 'Done by the forum itself (flag threshold, watched words), not by a person' })
  automatic: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

@ApiSchema({ name: 'LogEntry' })
export class LogEntryDto extends PublicLogEntryDto {
  @ApiProperty({ type: AuthorDto, nullable: true, description: 'null for automatic actions' })
  actor: AuthorDto | null;
}

@ApiSchema({ name: 'LogPage' })
export class LogPageDto {
  @ApiProperty({ type: [LogEntryDto] }) items: LogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiSchema({ name: 'PublicLogPage' })
export class PublicLogPageDto {
  @ApiProperty({ type: [PublicLogEntryDto] }) items: PublicLogEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 104, default: 12 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'weeks must be a whole number' })
  @Min(1, { message: 'weeks must be between 1 and 104' })
  @Max(104, { message: 'weeks must be between 1 and 104' })
  weeks: number = 12;
}

@ApiSchema({ name: 'WeekCount' })
export class WeekCountDto {
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty({ enum: LOG_ACTIONS }) action: string;
  @ApiProperty() count: number;
}

@ApiSchema({ name: 'WeekSummary' })
export class WeekSummaryDto {
  @ApiProperty({ format: 'date', description: 'Monday of the week (UTC)' }) weekStart: string;
  @ApiProperty({ type: [WeekCountDto] }) counts: WeekCountDto[];
  @ApiProperty() appealsDecided: number;
  @ApiProperty() appealsReversed: number;
}

@ApiSchema({ name: 'TransparencySummary' })
export class TransparencySummaryDto {
  @ApiProperty({ type: [WeekSummaryDto], description: 'Oldest week first, weeks without actions included' })
  weeks: WeekSummaryDto[];
  @ApiProperty({ description: 'Over the same weeks' }) appealsDecided: number;
  @ApiProperty() appealsReversed: number;
  @ApiProperty() appealsOpen: number;
}
