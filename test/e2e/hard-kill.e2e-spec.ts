import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/config/app-config';
import { LOCK_FILE } from '../../src/database/data-dir-lock';
import { startServer } from '../../src/server';
import { ChildServer, killHard, startChildServer } from '../support/child-server';
import { createDatabase, dropDatabase } from '../support/test-database';

const ACKNOWLEDGED_BEFORE_KILL = 150;

/** Three writers post until the 150th acknowledgement, then SIGKILL with writes still in flight. */
async function writeUntilKilled(server: ChildServer): Promise<{ debateId: string; acknowledged: string[] }> {
  const registered = await request(server.url)
    .post('/api/auth/register')
    .send({ username: 'crash_writer', password: 'long enough' })
    .expect(201);
  const auth = { Authorization: `Bearer ${registered.body.accessToken}` };
  const debateId: string = (await request(server.url).get('/api/debates').expect(200)).body.items[0].id;
  const acknowledged: string[] = [];
  let killed: Promise<void> | undefined;
  const writer = async (worker: number) => {
    for (let i = 0; !killed; i++) {
      const response = await fetch(`${server.url}/api/debates/${debateId}/posts`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: `written before the kill ${worker}-${i}`, clientId: randomUUID() }),
      }).catch(() => null);
      if (response?.status !== 201) continue;
      acknowledged.push(((await response.json()) as { id: string }).id);
      if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) killed ??= killHard(server);
    }
  };
  await Promise.all([writer(0), writer(1), writer(2)]);
  await killed;
  return { debateId, acknowledged };
}

/** Every post of the debate, walking its pages oldest first: ids and bodies. */
async function readAll(url: string, debateId: string): Promise<{ ids: Set<string>; bodies: string[] }> {
  const ids = new Set<string>();
  const bodies: string[] = [];
  let cursor = '';
  do {
    const page = await request(url)
      .get(`/api/debates/${debateId}/posts?sort=old&limit=200&cursor=${cursor}`)
      .expect(200);
    for (const post of page.body.items as { id: string; body: string }[]) {
      ids.add(post.id);
      bodies.push(post.body);
    }
    cursor = page.body.nextCursor ?? '';
  } while (cursor);
  return { ids, bodies };
}

/** A server killed with SIGKILL under writes starts again and has every write it acknowledged, once. */
describe.each([
  ['the embedded database', undefined],
  ['PostgreSQL', `forum_hard_kill_${process.pid}`],
])('a hard kill on %s', (_name, databaseName) => {
  let databaseUrl: string | undefined;
  beforeAll(async () => {
    if (databaseName) databaseUrl = await createDatabase(databaseName);
  });
  afterAll(async () => {
    if (databaseName) await dropDatabase(databaseName);
  });

  it('starts again and keeps every acknowledged write, once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'forum-hard-kill-'));
    const env = { DATA_DIR: dataDir, RATE_LIMITS: 'off', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    const { debateId, acknowledged } = await writeUntilKilled(await startChildServer(env));
    // The embedded database's owner left its lock behind; the next start recovers it.
    if (!databaseUrl) expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const restarted = await startServer(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), { port: 0 });
    try {
      const { ids, bodies } = await readAll(restarted.url, debateId);
      const lost = acknowledged.filter((id) => !ids.has(id));
      const duplicated = bodies.length - new Set(bodies).size;
      expect({ acknowledged: acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL, lost: lost.length, duplicated }).toEqual({
        acknowledged: true,
        lost: 0,
        duplicated: 0,
      });
    } finally {
      await restarted.close();
    }
  }, 180_000);
});
