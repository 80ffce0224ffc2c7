import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { Category } from '../moderation-policy';
import { IsCategory, IsTrimmedText } from './validators';

@ApiSchema({ name: 'SuspendRequest' })
export class SuspendDto {
  /** When the suspension ends; must be in the future. */
  @ApiProperty({ format: 'date-time', example: '2026-12-31T00:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'until must be an ISO 8601 date and time' })
  until: string;

  /** Shown to the suspended person with every refusal. */
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsTrimmedText('reason', 1, 500)
  reason: string;

  /** The rule the suspension enforces, for the public summary. */
  @IsCategory()
  category?: Category;
}

@ApiSchema({ name: 'UnsuspendRequest' })
export class UnsuspendDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsTrimmedText('reason', 1, 500)
  reason?: string;
}
