import { apiAt } from '../support/api';
import { startTestApp, useTestApp } from '../support/app';
import { uniqueName } from '../support/make';

describe('accounts', () => {
  const { make, api, sql } = useTestApp();
  const register = (body: object) => api().post('/api/auth/register').send(body);

  it('registers a participant, returns a token and sets an httpOnly SameSite=Lax cookie', async () => {
    const username = uniqueName();
    const response = await register({ username, password: 'long enough', displayName: 'Ada' }).expect(201);
    expect(response.body.user).toEqual({
      id: expect.any(String),
      username,
      displayName: 'Ada',
      role: 'participant',
      suspendedUntil: null,
      suspensionReason: null,
      createdAt: expect.any(String),
    });
    expect(response.body.accessToken).toEqual(expect.any(String));
    const cookie = response.headers['set-cookie'][0];
    expect(cookie).toMatch(/^forum_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('defaults the display name to the username', async () => {
    const username = uniqueName();
    const response = await register({ username, password: 'long enough' }).expect(201);
    expect(response.body.user.displayName).toBe(username);
  });

  it('refuses a taken username, whatever its case, with 409', async () => {
    const username = uniqueName('Case');
    await register({ username, password: 'long enough' }).expect(201);
    const response = await register({ username: username.toUpperCase(), password: 'long enough' }).expect(409);
    expect(response.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringContaining('taken'),
    });
  });

  it.each([
    [{ username: 'ab', password: 'long enough' }, 'username'],
    [{ username: 'has space', password: 'long enough' }, 'username'],
    [{ username: 'x'.repeat(33), password: 'long enough' }, 'username'],
    [{ username: uniqueName(), password: 'short' }, 'password'],
    [{ username: uniqueName(), password: 'p'.repeat(129) }, 'password'],
    [{ username: uniqueName(), password: 12345678 }, 'password'],
    [{ password: 'long enough' }, 'username'],
    [{ username: uniqueName(), password: 'long enough', role: 'admin' }, 'role should not exist'],
  ])('refuses %j with a 400 naming the field', async (body, field) => {
    const response = await register(body).expect(400);
    expect(response.body.statusCode).toBe(400);
    expect(response.body.error).toBe('Bad Request');
    expect(JSON.stringify(response.body.message)).toContain(field);
  });

  it('stores nothing when a registration is refused', async () => {
    const username = uniqueName();
    await register({ username, password: 'short' }).expect(400);
    await api().post('/api/auth/login').send({ username, password: 'short' }).expect(401);
  });

  it('signs in with the same username in another case', async () => {
    const user = await make.user();
    const response = await api()
      .post('/api/auth/login')
      .send({ username: user.username.toUpperCase(), password: user.password })
      .expect(200);
    expect(response.body.user.id).toBe(user.id);
    expect(response.headers['set-cookie'][0]).toMatch(/^forum_token=.+HttpOnly/i);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const user = await make.user();
    const wrong = await api().post('/api/auth/login').send({ username: user.username, password: 'not the password' });
    const unknown = await api().post('/api/auth/login').send({ username: uniqueName(), password: 'whatever123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('knows the user by bearer token and by cookie', async () => {
    const user = await make.user();
    const byBearer = await api(user).get('/api/auth/me').expect(200);
    expect(byBearer.body.username).toBe(user.username);
    const byCookie = await api().get('/api/auth/me').set('Cookie', `forum_token=${user.token}`).expect(200);
    expect(byCookie.body.id).toBe(user.id);
  });

  it('answers 401 to a guest or a forged token', async () => {
    await api().get('/api/auth/me').expect(401);
    const forged = await api().get('/api/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    expect(forged.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const user = await make.user();
    const response = await api(user).post('/api/auth/logout').expect(204);
    expect(response.headers['set-cookie'][0]).toMatch(/forum_token=;/);
    await api(user).get('/api/auth/me').expect(401);
  });

  it('stops knowing a token once its session has expired', async () => {
    const user = await make.user();
    const me = await api(user).get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, role: 'participant', suspendedUntil: null });
    await sql(`UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    await api(user).get('/api/auth/me').expect(401);
  });

  it('signing out one device keeps the others signed in', async () => {
    const user = await make.user();
    const second = await api().post('/api/auth/login').send({ username: user.username, password: user.password });
    await api(user).post('/api/auth/logout').expect(204);
    await api().get('/api/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
  });

  describe('roles', () => {
    it('lets an admin change a role', async () => {
      const admin = await make.user({ role: 'admin' });
      const user = await make.user();
      const response = await api(admin).patch(`/api/users/${user.id}/role`).send({ role: 'moderator' }).expect(200);
      expect(response.body).toMatchObject({ id: user.id, role: 'moderator' });
      const me = await api(user).get('/api/auth/me').expect(200);
      expect(me.body.role).toBe('moderator');
    });

    it('refuses a participant (403), a moderator (403) and a guest (401)', async () => {
      const target = await make.user();
      for (const role of ['participant', 'moderator', 'organiser'] as const) {
        const caller = await make.user({ role });
        await api(caller).patch(`/api/users/${target.id}/role`).send({ role: 'admin' }).expect(403);
      }
      await api().patch(`/api/users/${target.id}/role`).send({ role: 'admin' }).expect(401);
      const me = await api(target).get('/api/auth/me').expect(200);
      expect(me.body.role).toBe('participant');
    });

    it('refuses an unknown role (400) and an unknown user (404)', async () => {
      const admin = await make.user({ role: 'admin' });
      const user = await make.user();
      const bad = await api(admin).patch(`/api/users/${user.id}/role`).send({ role: 'king' }).expect(400);
      expect(JSON.stringify(bad.body.message)).toContain('role must be one of');
      await api(admin)
        .patch('/api/users/00000000-0000-4000-8000-000000000000/role')
        .send({ role: 'moderator' })
        .expect(404);
      await api(admin).patch('/api/users/not-a-uuid/role').send({ role: 'moderator' }).expect(400);
    });
  });
});

describe('the first admin', () => {
  it('is created from ADMIN_USERNAME and ADMIN_PASSWORD, once', async () => {
    const username = uniqueName('admin');
    const env = { ADMIN_USERNAME: username, ADMIN_PASSWORD: 'admin password' };
    const first = await startTestApp(env);
    await first.close();
    const second = await startTestApp(env);
    try {
      const login = await apiAt(second.url)
        .post('/api/auth/login')
        .send({ username, password: 'admin password' })
        .expect(200);
      expect(login.body.user.role).toBe('admin');
      const [{ count }] = await second.dataSource.query(
        `SELECT count(*)::int AS count FROM users WHERE lower(username) = lower($1)`,
        [username],
      );
      expect(count).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('is created once when two nodes start on the same database together', async () => {
    const username = uniqueName('admin');
    const env = { ADMIN_USERNAME: username, ADMIN_PASSWORD: 'admin password' };
    const nodes = await Promise.all([startTestApp(env), startTestApp(env), startTestApp(env)]);
    try {
      const [{ count }] = await nodes[0].dataSource.query(
        `SELECT count(*)::int AS count FROM users WHERE lower(username) = lower($1)`,
        [username],
      );
      expect(count).toBe(1);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
    }
  });
});
