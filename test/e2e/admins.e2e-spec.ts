import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers } from '../support/make';
import { createDatabase, dropDatabase } from '../support/test-database';

/** On a database of its own: "the last admin" means nothing while other test files make admins beside it. */
describe('the last admin', () => {
  const name = `forum_test_admins_${Date.now()}_${process.pid}`;
  let app: TestApp;
  let make: ReturnType<typeof makers>;

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_URL: await createDatabase(name) });
    make = makers(app);
  });
  afterAll(async () => {
    await app?.close();
    await dropDatabase(name);
  });

  const setRole = (caller: { auth: Record<string, string> }, id: string, role: string) =>
    apiAt(app.url).patch(`/api/users/${id}/role`).set(caller.auth).send({ role });
  const adminCount = async () =>
    Number((await app.dataSource.query(`SELECT count(*) AS n FROM users WHERE role = 'admin'`))[0].n);

  it('cannot demote itself while it is the only admin (409)', async () => {
    const admin = await make.user({ role: 'admin' });
    const response = await setRole(admin, admin.id, 'participant');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('last admin') });
    expect((await apiAt(app.url).get('/api/auth/me').set(admin.auth).expect(200)).body.role).toBe('admin');
    // Keeping the role is no removal.
    await setRole(admin, admin.id, 'admin').expect(200);
  });

  it('lets one of two admins step down, and then no more', async () => {
    const second = await make.user({ role: 'admin' });
    await setRole(second, second.id, 'moderator').expect(200);
    expect(await adminCount()).toBe(1);
  });

  it('leaves one admin when two demote each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const [existing] = await app.dataSource.query(`SELECT id FROM users WHERE role = 'admin'`);
      await app.dataSource.query(`UPDATE users SET role = 'participant' WHERE id = $1`, [existing.id]);
      const [a, b] = await Promise.all([make.user({ role: 'admin' }), make.user({ role: 'admin' })]);
      const statuses = (await Promise.all([setRole(a, b.id, 'participant'), setRole(b, a.id, 'participant')]))
        .map((response) => response.status)
        .sort();
      // The loser either lost its role first (403) or found itself the last admin (409); never both gone.
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await adminCount()).toBe(1);
    }
  });
});
