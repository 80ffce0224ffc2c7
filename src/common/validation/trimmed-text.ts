import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';

/** 1-`max` characters once trimmed: whitespace alone is no text. The stored text is left as sent. */
export function IsTrimmedText(field: string, max: number): PropertyDecorator {
  return applyDecorators(
    IsString({ message: `${field} must be a string` }),
    ValidateBy({
      name: 'isTrimmedText',
      validator: {
        validate: (value: unknown) => isTrimmedText(value, max),
        defaultMessage: () =>
          `${field} must be 1-${max.toLocaleString('en')} characters (not counting surrounding whitespace)`,
      },
    }),
  );
}

export function isTrimmedText(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= max;
}
