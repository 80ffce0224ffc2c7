import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { RunningServer, startServer } from '../../src/server';
import { makers } from '../support/make';

/** PGlite ships PostgreSQL's german and english text search configurations: search works the same without a server. */
describe('search on the embedded database', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'forum-search-')),
      LOG_LEVEL: 'silent',
      RATE_LIMITS: 'off',
    });
    server = await startServer(config, { port: 0 });
  }, 90_000);
  afterAll(() => server?.close());

  it('finds inflected German and English forms, highlighted', async () => {
    const make = makers({ ...server, dataSource: server.app.get(DataSource) });
    const debate = await make.debate();
    const german = await make.post(debate, { body: 'Die Wahl wurde durch gefälschte Videos beeinflusst.' });
    const english = await make.post(debate, { body: 'The election was swayed by a fake clip.' });
    const find = async (q: string) => (await request(server.url).get('/api/search').query({ q }).expect(200)).body;
    const wahlen = await find('Wahlen');
    expect(wahlen.items.map((hit: { post: { id: string } }) => hit.post.id)).toEqual([german.id]);
    expect(wahlen.items[0].snippet).toContain('<mark>Wahl</mark>');
    expect((await find('elections')).items.map((hit: { post: { id: string } }) => hit.post.id)).toEqual([english.id]);
    expect((await find('?!')).items).toEqual([]);
  }, 60_000);
});
