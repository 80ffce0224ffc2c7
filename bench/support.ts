import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService, hashPassword } from '../src/auth/auth.service';
import { loadConfig } from '../src/config/app-config';
import { RunningServer, startServer } from '../src/server';
import { Role } from '../src/users/user.entity';
import { UsersService } from '../src/users/users.service';
import { createDatabase, dropDatabase } from '../test/support/test-database';

export interface BenchServer extends RunningServer {
  dropDatabase(): Promise<void>;
}

/** The real server on a fresh PostgreSQL database (DATABASE_URL's server, or the local one), limits off. */
export async function startBenchServer(env: Record<string, string> = {}, databaseName?: string): Promise<BenchServer> {
  const name = databaseName ?? `forum_bench_${Date.now()}`;
  const url = databaseName ? undefined : await createDatabase(name);
  const server = await startServer(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: url ?? env.DATABASE_URL,
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'silent',
      DATA_DIR: '/tmp/forum-bench',
      ...env,
    }),
    { port: 0 },
  );
  return { ...server, dropDatabase: () => dropDatabase(name) };
}

const passwordHash = hashPassword('bench password');

export async function makeUser(server: RunningServer, role: Role = 'participant') {
  const username = `bench_${Math.random().toString(36).slice(2, 12)}`;
  const user = await server.app
    .get(UsersService)
    .create({ username, displayName: username, passwordHash: await passwordHash, role });
  const { accessToken } = await server.app.get(AuthService).startSession(user);
  return {
    id: user.id,
    token: accessToken,
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
  };
}

export async function api<T = unknown>(server: RunningServer, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.url}${path}`, init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Runs `count` tasks with at most `concurrency` in flight; returns the wall time in ms. */
export async function inFlight(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - start;
}

export async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export function percentiles(samples: number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]), n: sorted.length };
}

export function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

export function writeResult(name: string, markdown: string): void {
  const file = join(__dirname, 'results', `${name}.md`);
  writeFileSync(file, markdown);
  console.log(markdown);
  console.log(`\n(written to ${file})`);
}
