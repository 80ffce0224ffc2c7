import { createSecretKey, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TOKEN_LIFETIME_SECONDS } from '../../src/auth/auth-token';
import { inFlight } from './load';
import { Running } from './processes';

/** Both servers accept the forum's tokens: the reference checks the same JWT secret and session rows. */
export const JWT_SECRET = 'benchmark-secret-of-at-least-thirty-two-characters';
const KEY = createSecretKey(Buffer.from(JWT_SECRET, 'utf8'));
export const ADMIN = { username: 'bench_admin', password: 'bench admin password' };

/** The environment every forum process gets: production rules, limits off, quiet logs. */
export function forumEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'production',
    RATE_LIMITS: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    JWT_SECRET,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    ...extra,
  };
}

export interface Person {
  id: string;
  token: string;
}

/** The token the forum would sign for this session row: HS256 over `sub` (the user) and `sid` (the session). */
export function sessionToken(userId: string, sessionId: string): string {
  return jwt.sign({ sub: userId, sid: sessionId }, KEY, { algorithm: 'HS256', expiresIn: TOKEN_LIFETIME_SECONDS });
}

export async function call<T>(
  server: Running,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Registers `count` participants through the API (argon2 and all), a few at a time. */
export async function register(server: Running, count: number): Promise<Person[]> {
  const run = randomBytes(3).toString('hex');
  return inFlight(count, 4, async (i) => {
    const signedIn = await call<{ accessToken: string; user: { id: string } }>(server, 'POST', '/api/auth/register', {
      body: { username: `bench_${run}_${i}`, password: 'bench password' },
    });
    return { id: signedIn.user.id, token: signedIn.accessToken };
  });
}

export async function signInAdmin(server: Running): Promise<Person> {
  const signedIn = await call<{ accessToken: string; user: { id: string } }>(server, 'POST', '/api/auth/login', {
    body: ADMIN,
  });
  return { id: signedIn.user.id, token: signedIn.accessToken };
}

export async function createDebate(server: Running, admin: Person, question: string): Promise<string> {
  const debate = await call<{ id: string }>(server, 'POST', '/api/debates', {
    token: admin.token,
    body: { question },
  });
  return debate.id;
}
