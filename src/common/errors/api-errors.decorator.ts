import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto, RateLimitedErrorDto } from './error-response.dto';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429;

const DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid input: a field, parameter or cursor that breaks its rules, or a body that is not a JSON object.',
  401: 'Not signed in, or the token is invalid, expired or signed out.',
  403: 'Signed in without the right to do this, or suspended (with suspendedUntil and reason).',
  404: 'Not found, or not visible to the caller.',
  409: 'Conflicts with the current state.',
  413: 'The body is larger than 1 MB.',
  415: 'The body is not sent as application/json.',
  422: 'A watched word blocks this text (the message names the rule).',
  423: 'The debate is locked.',
  429: 'Too many requests: wait retryAfter seconds.',
};

/**
 * Documents the error responses an operation can give, all in the one error shape; a 429 also carries `retryAfter`
 * and the `Retry-After` header. A `[status, description]` pair says what that status means for this operation.
 */
export function ApiErrors(...errors: (ErrorStatus | [ErrorStatus, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...errors.map((error) => {
      const [status, description] = typeof error === 'number' ? [error, DESCRIPTIONS[error]] : error;
      if (status !== 429) return ApiResponse({ status, description, type: ErrorResponseDto });
      return ApiResponse({
        status,
        description,
        type: RateLimitedErrorDto,
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } },
      });
    }),
  );
}
