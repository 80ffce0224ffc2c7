import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { RunningServer, startServer } from '../../src/server';
import { apiAt } from './api';
import { bodyOf, makers, TestDebate, TestUser } from './make';
import { connect, ConnectOptions, disconnectAll } from './sockets';
import { createDatabase, dropDatabase } from './test-database';

export interface TestApp extends RunningServer {
  dataSource: DataSource;
}

/** The real server on a random port against the run's PostgreSQL database. */
export async function startTestApp(env: Record<string, string> = {}, clientDir?: string): Promise<TestApp> {
  const server = await startServer(testConfig(env), { port: 0, clientDir });
  return { ...server, dataSource: server.app.get(DataSource) };
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

export interface TestAppOptions {
  /** Environment for the server, over the tests' defaults. */
  env?: Record<string, string>;
  /** Where the built client is, for a server that serves it. */
  clientDir?: string;
  /**
   * A database of the describe's own instead of the run's shared one, for tests that see the whole forum: the
   * moderation queue shows the oldest open items of every test file, lists page past every file's debates.
   */
  ownDatabase?: boolean;
}

/** A database of its own (migrated) for one describe; `drop` removes it. */
export async function ownTestDatabase(tag: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${process.env.TEST_DATABASE_NAME ?? 'forum_test'}_${tag}_${process.pid}`;
  return { url: await createDatabase(name), drop: () => dropDatabase(name) };
}

/**
 * One app for the enclosing `describe`: started before its tests, its sockets disconnected after each test, closed
 * after the last. The helpers it returns act on that app:
 * - `make`: factories (`make.user()`, `make.debate()`, `make.post(debate)`, ...), see make.ts;
 * - `api(user?)`: HTTP requests as `user`, or as a guest;
 * - `connect({ user?, join? })`: a socket, signed in and joined as asked;
 * - `reload(debate)`: the debate as the API shows it now (counts, lastActivityAt);
 * - `sql(text, params)`: rows straight from the database, for what no route shows.
 */
export function useTestApp({ env = {}, clientDir, ownDatabase = false }: TestAppOptions = {}) {
  let running: TestApp | undefined;
  let database: { url: string; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    if (ownDatabase) database = await ownTestDatabase(`own${Date.now().toString(36)}`);
    running = await startTestApp(database ? { ...env, DATABASE_URL: database.url } : env, clientDir);
  });
  afterEach(disconnectAll);
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  const app = (): TestApp => {
    if (!running) throw new Error('The test app starts in beforeAll: use it inside tests and hooks.');
    return running;
  };
  const api = (user?: TestUser) => apiAt(app().url, user);
  return {
    app,
    make: makers(app),
    api,
    connect: (options?: ConnectOptions) => connect(app(), options),
    reload: async (debate: { id: string }) => bodyOf<TestDebate>(await api().get(`/api/debates/${debate.id}`), 200),
    sql: <Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> =>
      app().dataSource.query(text, params),
  };
}
