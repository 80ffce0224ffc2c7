import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';

export const AUTH_COOKIE = 'forum_token';
export const TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

/** A bearer header wins over the cookie, so API clients are never confused by a browser session. */
export function tokenFromHeaders(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim() || null;
  const cookies = headers.cookie ? parseCookies(headers.cookie) : {};
  return cookies[AUTH_COOKIE] ?? null;
}
