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
  | 'invalid_transition'
  | 'session_ended'
  | 'poll_not_open'
  | 'payload_too_large'
  | 'debate_locked'
  | 'watched_word'
  | 'rate_limited'
  | 'slow_mode'
  | 'unavailable'
  | 'own_post'
  | 'already_flagged'
  | 'not_flaggable'
  | 'flag_limit'
  | 'already_resolved'
  | 'duplicate_pattern'
  | 'protected_user'
  | 'not_appealable'
  | 'already_appealed'
  | 'own_decision'
  | 'post_deleted'
  | 'not_labelled'
  | 'not_suspended'
  | 'invalid_until'
  | 'invalid_pattern';

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
  invalid_transition: 409,
  session_ended: 409,
  poll_not_open: 409,
  payload_too_large: 413,
  debate_locked: 423,
  watched_word: 422,
  rate_limited: 429,
  slow_mode: 429,
  unavailable: 503,
  own_post: 400,
  already_flagged: 409,
  not_flaggable: 409,
  flag_limit: 429,
  already_resolved: 409,
  duplicate_pattern: 409,
  protected_user: 403,
  not_appealable: 409,
  already_appealed: 409,
  own_decision: 403,
  post_deleted: 409,
  not_labelled: 409,
  not_suspended: 409,
  invalid_until: 400,
  invalid_pattern: 400,
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

/** The wait a 429 or 503 names when whoever refused could not say (seconds). */
const DEFAULT_RETRY_AFTER: Record<number, number> = { 429: 60, 503: 5 };

/**
 * The one error shape of API.md: `{statusCode, error, message, ...extra}`, for HTTP and socket acks alike. Every 429
 * and 503 carries `retryAfter` as whole seconds of at least one (the HTTP filter copies it to `Retry-After`), whatever
 * refused: a wait of 0, NaN (which JSON writes as null) or none at all would invite an immediate retry.
 */
export function toErrorBody(
  statusCode: number,
  message: string | string[],
  extra: Record<string, unknown> = {},
): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
  const fallback = DEFAULT_RETRY_AFTER[statusCode];
  if (fallback !== undefined) {
    const given = Number(body.retryAfter);
    body.retryAfter = Number.isFinite(given) && given > 0 ? Math.ceil(given) : fallback;
  }
  return body;
}

export function domainErrorBody(error: DomainError): ErrorBody {
  return toErrorBody(error.status, error.message, { code: error.code, ...error.extra });
}
