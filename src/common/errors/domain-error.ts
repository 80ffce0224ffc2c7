import { STATUS_CODES } from 'node:http';

/** Every refusal a service can decide on. The compiler keeps STATUS complete. */
export type ErrorCode =
  | 'invalid_input'
  | 'invalid_cursor'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'suspended'
  | 'not_found'
  | 'username_taken'
  | 'duplicate'
  | 'conflict'
  | 'payload_too_large'
  | 'debate_locked'
  | 'watched_word'
  | 'rate_limited'
  | 'slow_mode';

export const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_cursor: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  suspended: 403,
  not_found: 404,
  username_taken: 409,
  duplicate: 409,
  conflict: 409,
  payload_too_large: 413,
  debate_locked: 423,
  watched_word: 422,
  rate_limited: 429,
  slow_mode: 429,
};

export type ErrorExtra = Record<string, unknown> & { retryAfter?: number };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [extra: string]: unknown;
}

/** The one error shape of API.md: `{statusCode, error, message, ...extra}`, for HTTP and socket acks alike. */
export function toErrorBody(
  statusCode: number,
  message: string | string[],
  extra: Record<string, unknown> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

export function domainErrorBody(error: DomainError): ErrorBody {
  return toErrorBody(error.status, error.message, { code: error.code, ...error.extra });
}
