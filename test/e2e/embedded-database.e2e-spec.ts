import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/config/app-config';
import { startServer } from '../../src/server';

/** With no DATABASE_URL the server runs on PGlite in DATA_DIR, with the same migrations, and keeps its data. */
describe('the embedded database', () => {
  it('keeps accounts and tokens across a restart', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'forum-embedded-')),
      LOG_LEVEL: 'silent',
    });

    const first = await startServer(config, { port: 0 });
    const registered = await request(first.url)
      .post('/api/auth/register')
      .send({ username: 'embedded_user', password: 'long enough' })
      .expect(201);
    const debates = await request(first.url).get('/api/debates').expect(200);
    expect(debates.body.items.length).toBeGreaterThanOrEqual(8);
    await first.close();

    // The secret was generated into DATA_DIR, so the same token still works after the restart.
    const second = await startServer(loadConfig({ NODE_ENV: 'test', DATA_DIR: config.dataDir, LOG_LEVEL: 'silent' }), {
      port: 0,
    });
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
});
