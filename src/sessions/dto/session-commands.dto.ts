import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

export const MAX_TIMER_SECONDS = 86_400;

@ApiSchema({ name: 'SetCurrentDebateRequest' })
export class SetCurrentDebateDto {
  @ApiProperty({ format: 'uuid', description: 'A debate on the agenda' })
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId: string;
}

@ApiSchema({ name: 'SetTimerRequest' })
export class SetTimerDto {
  /** The countdown's length from now; 0 stops it. */
  @ApiProperty({ minimum: 0, maximum: MAX_TIMER_SECONDS, example: 120 })
  @IsInt({ message: 'seconds must be a whole number' })
  @Min(0, { message: `seconds must be between 0 and ${MAX_TIMER_SECONDS}` })
  @Max(MAX_TIMER_SECONDS, { message: `seconds must be between 0 and ${MAX_TIMER_SECONDS}` })
  seconds: number;
}

@ApiSchema({ name: 'SetSpotlightRequest' })
export class SetSpotlightDto {
  /** A visible post in one of the agenda's debates, or null to clear the spotlight. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((dto: SetSpotlightDto) => dto.postId !== null)
  @IsUUID('all', { message: 'postId must be a UUID, or null to clear the spotlight' })
  postId: string | null;
}

export class ListSessionsQuery extends ListQueryDto {
  /** Only the caller's own sessions. Organisers always get only their own; admins get all without it. */
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;
}

export const REPORT_FORMATS = ['json', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, csv or md' })
  format: ReportFormat = 'json';
}
