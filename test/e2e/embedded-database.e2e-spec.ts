import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { RunningServer, startServer } from '../../src/server';

const embeddedConfig = (dataDir: string) => loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const freshDataDir = () => mkdtempSync(join(tmpdir(), 'forum-embedded-'));

/** With no DATABASE_URL the server runs on PGlite in DATA_DIR, with the same migrations, and keeps its data. */
describe('the embedded database', () => {
  it('keeps accounts and tokens across a restart', async () => {
    const config = embeddedConfig(freshDataDir());

    const first = await startServer(config, { port: 0 });
    const registered = await request(first.url)
      .post('/api/auth/register')
      .send({ username: 'embedded_user', password: 'long enough' })
      .expect(201);
    const debates = await request(first.url).get('/api/debates').expect(200);
    expect(debates.body.items.length).toBeGreaterThanOrEqual(8);
    // PGlite's own default (128 MB) would be most of an idle server's memory; see pgliteOptions.
    const [{ shared_buffers }] = await first.app.get(DataSource).query('SHOW shared_buffers');
    expect(shared_buffers).toBe('16MB');
    await first.close();

    // The secret was generated into DATA_DIR, so the same token still works after the restart.
    const second = await startServer(embeddedConfig(config.dataDir), { port: 0 });
    try {
      const me = await request(second.url)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${registered.body.accessToken}`)
        .expect(200);
      expect(me.body.username).toBe('embedded_user');
      await request(second.url)
        .post('/api/auth/login')
        .send({ username: 'embedded_user', password: 'long enough' })
        .expect(200);
      const again = await request(second.url).get('/api/debates').expect(200);
      expect(again.body.items.map((d: { id: string }) => d.id)).toEqual(
        debates.body.items.map((d: { id: string }) => d.id),
      );
    } finally {
      await second.close();
    }
  }, 90_000);

  it('serves signed-in requests after its connection to the database is replaced', async () => {
    const server = await startServer(embeddedConfig(freshDataDir()), { port: 0 });
    try {
      const { body } = await request(server.url)
        .post('/api/auth/register')
        .send({ username: 'reconnected', password: 'long enough' })
        .expect(201);
      const me = () => request(server.url).get('/api/auth/me').set('Authorization', `Bearer ${body.accessToken}`);
      // The token's session is read by a prepared statement, which PGlite's one session keeps.
      await me().expect(200);
      // The pool's connection goes away (an error, or an idle timeout); the next one meets the same session. It
      // connects at once, while the database's side of the old one may still be closing: one in eight did not get in
      // when the socket server took a single connection, so it happens often enough here to be seen.
      const pool = (server.app.get(DataSource).driver as unknown as { master: Pool }).master;
      for (let replaced = 0; replaced < 40; replaced++) {
        const connection = await pool.connect();
        connection.release(true);
        await me().expect(200);
      }
      await me().expect(200);
    } finally {
      await server.close();
    }
  }, 90_000);
});

describe('one server per data folder', () => {
  let first: RunningServer;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = freshDataDir();
    first = await startServer(embeddedConfig(dataDir), { port: 0 });
    const registered = await request(first.url)
      .post('/api/auth/register')
      .send({ username: 'the_owner', password: 'long enough' })
      .expect(201);
    token = registered.body.accessToken;
  }, 90_000);
  afterAll(() => first?.close());

  it('refuses a second server on the same folder with one line naming the folder and the running process', async () => {
    const refused = await startServer(embeddedConfig(dataDir), { port: 0 }).then(
      async (second) => {
        await second.close();
        return null;
      },
      (error: Error) => error,
    );
    expect(refused?.message).toMatch(/^DATA_DIR: /);
    expect(refused?.message).toContain(dataDir);
    expect(refused?.message).toContain(`pid ${process.pid}`);
    expect(refused?.message).not.toContain('\n');
  });

  it('keeps the first one serving, its socket in place and its people signed in', async () => {
    expect(existsSync(join(dataDir, '.s.PGSQL.5432'))).toBe(true);
    await request(first.url).get('/api/health').expect(200);
    const me = await request(first.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.username).toBe('the_owner');
  });

  it('refuses `node src/main.ts` on that folder the same way, as one line on stderr and exit code 1', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, '../../src/main.ts')],
        { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: DATA_DIR: /)]);
    expect(stderr).toContain(dataDir);
    expect(stderr).toContain(`pid ${process.pid}`);
  }, 60_000);
});
