import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { RunningServer, startServer } from '../../src/server';

export interface TestApp extends RunningServer {
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
}

/** The real server on a random port against the run's PostgreSQL database. */
export async function startTestApp(env: Record<string, string> = {}, clientDir?: string): Promise<TestApp> {
  const server = await startServer(testConfig(env), { port: 0, clientDir });
  return { ...server, dataSource: server.app.get(DataSource), http: () => request(server.url) };
}

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'forum-test-')),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'silent',
    ...env,
  });
}
