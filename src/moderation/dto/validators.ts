import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CATEGORIES } from '../moderation-policy';

/** Free text such as a reason or a note: trimmed, then `min`-`max` characters (whitespace alone is nothing). */
export function IsTrimmedText(field: string, min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: `${field} must be a string` }),
    Length(min, max, { message: `${field} must be ${min}-${max} characters` }),
  );
}

/** Optional: one of the rules an action can enforce (the flag reasons, `watched_word`). */
export function IsCategory(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: CATEGORIES }),
    IsOptional(),
    IsIn(CATEGORIES, { message: `category must be one of ${CATEGORIES.join(', ')}` }),
  );
}
