import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api';
import i18n from './i18n';

/**
 * Where a refusal's words live: `errors.codes.<code>`, keyed by the code the server gives (`slow_mode`,
 * `already_flagged`, …). A feature that adds a code adds its text in both i18n files; a test checks every code of the
 * API's Error schema has one. A code without a text falls back to a translated line by HTTP status, so the German UI
 * never shows the server's English.
 */
const CODES = 'errors.codes';

const STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 423, 429, 503];

/**
 * What to tell the reader about a failure, in their language: the translation of the server's code (with the figures
 * its body carries: seconds or minutes to wait, a suspension's end and reason, a watched word); else, in English, the
 * server's own words; else a translated line for its status; else a generic one.
 */
export function describeError(error: unknown, t: TFunction, language: string): string[] {
  if (error instanceof NetworkError) return [t('errors.offline')];
  if (!(error instanceof ApiError)) return [t('errors.generic')];
  const key = error.code ? `${CODES}.${error.code}` : null;
  if (key && i18n.exists(key)) {
    const { body, retryAfter } = error;
    const until = typeof body.suspendedUntil === 'string' ? new Date(body.suspendedUntil) : null;
    return [
      t(key, {
        seconds: retryAfter ?? '?',
        minutes: retryAfter === null ? '?' : Math.ceil(retryAfter / 60),
        until: until ? new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(until) : '',
        reason: typeof body.reason === 'string' ? body.reason : '',
        pattern: typeof body.pattern === 'string' ? body.pattern : '',
      }),
    ];
  }
  if (language === 'en' && error.messages.length > 0 && error.statusCode < 500) return error.messages;
  return [STATUSES.includes(error.statusCode) ? t(`errors.status.${error.statusCode}`) : t('errors.generic')];
}
