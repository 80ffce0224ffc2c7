import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import proxyAddr from 'proxy-addr';
import { ConfigError, validateEnvironment } from './environment';

/** The typed configuration the rest of the server reads; nothing else touches process.env. */
export interface AppConfig {
  production: boolean;
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  redisUrl: string | null;
  admin: { username: string; password: string } | null;
  jwtSecret: string;
  rateLimits: boolean;
  newAccountReviewPosts: number;
  flagHideThreshold: number;
  trustProxy: boolean | number | string | null;
  logLevel: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = validateEnvironment(env);
  const production = vars.NODE_ENV === 'production';
  const databaseUrl = vars.DATABASE_URL ?? null;
  const dataDir = resolve(vars.DATA_DIR ?? './data');
  if ((vars.ADMIN_USERNAME === undefined) !== (vars.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('ADMIN_PASSWORD: ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  }
  if (production && databaseUrl && !vars.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET: required (at least 32 characters) in production with PostgreSQL');
  }
  if (production && vars.JWT_SECRET !== undefined && vars.JWT_SECRET.length < 32) {
    throw new ConfigError(`JWT_SECRET: must be at least 32 characters in production (got ${vars.JWT_SECRET.length})`);
  }
  return {
    production,
    port: vars.PORT ?? 3000,
    databaseUrl,
    dataDir,
    redisUrl: vars.REDIS_URL ?? null,
    admin: vars.ADMIN_USERNAME ? { username: vars.ADMIN_USERNAME, password: vars.ADMIN_PASSWORD! } : null,
    jwtSecret: vars.JWT_SECRET ?? persistedSecret(dataDir),
    rateLimits: vars.RATE_LIMITS !== 'off',
    newAccountReviewPosts: vars.NEW_ACCOUNT_REVIEW_POSTS ?? 0,
    flagHideThreshold: vars.FLAG_HIDE_THRESHOLD ?? 3,
    trustProxy: parseTrustProxy(vars.TRUST_PROXY),
    logLevel: vars.LOG_LEVEL ?? (vars.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}

/** Generated once and kept in DATA_DIR, so tokens stay valid across restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** Express's forms: true/false, a hop count, or addresses, subnets and names like `loopback`, comma-separated. */
function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === 'false') return null;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  try {
    // The parser Express itself uses, so a value that passes here cannot fail later inside Express.
    proxyAddr.compile(value.split(',').map((part) => part.trim()));
  } catch {
    throw new ConfigError(
      `TRUST_PROXY: must be true, false, a hop count or comma-separated addresses/subnets (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}
