import { applyDecorators } from '@nestjs/common';
import { IsString, ValidateBy } from 'class-validator';

export const MAX_BODY = 10_000;

/** 1-10,000 characters after trimming; whitespace alone is no argument. The stored body is left untouched. */
export function IsPostBody(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'body must be a string' }),
    ValidateBy({
      name: 'isPostBody',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= MAX_BODY,
        defaultMessage: () =>
          `body must be 1-${MAX_BODY.toLocaleString('en')} characters (not counting surrounding whitespace)`,
      },
    }),
  );
}
