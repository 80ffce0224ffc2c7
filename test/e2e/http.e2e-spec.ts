import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/app';
import { makers } from '../support/make';

describe('HTTP basics', () => {
  let app: TestApp;

  beforeAll(async () => {
    // A stand-in for the built client, so the fallback to index.html is in play whether or not client/dist exists.
    const clientDir = mkdtempSync(join(tmpdir(), 'forum-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
    app = await startTestApp({}, clientDir);
  });
  afterAll(() => app.close());

  const post = (body: string, type = 'application/json') =>
    app.http().post('/api/auth/login').set('Content-Type', type).send(body);

  it('answers malformed JSON with a 400 in the error shape', async () => {
    const response = await post('{"username": ').expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('Malformed JSON'),
    });
  });

  it.each(['[1,2]', '"text"', '42', 'null'])('refuses the non-object body %s with 400', async (body) => {
    const response = await post(body).expect(400);
    expect(response.body.message).toBe('The body must be a JSON object.');
  });

  it.each(['__proto__', 'constructor'])('refuses a %s key with 400, nested too', async (key) => {
    await post(`{"${key}": {"role": "admin"}}`).expect(400);
    const nested = await post(`{"username": "abc", "x": {"${key}": {}}}`).expect(400);
    expect(nested.body.message).toContain(key);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const response = await post(JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' })).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('refuses a non-JSON content type with 415', async () => {
    const response = await post('username=a&password=b', 'application/x-www-form-urlencoded').expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, message: expect.stringContaining('application/json') });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await app.http().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it.each(['/api', '/api/', '/api/nothing/deeper'])(
    'answers %s with the JSON 404, never the client page',
    async (path) => {
      const response = await app.http().get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toMatchObject({ statusCode: 404 });
    },
  );

  it('serves the client at / and falls back to it for client routes', async () => {
    for (const path of ['/', '/debates/some-id', '/login']) {
      const response = await app.http().get(path).expect(200);
      expect(response.text).toContain('<div id="root">');
    }
  });

  it('keeps serving after bad input', async () => {
    await post('{oops').expect(400);
    await app.http().get('/api/health').expect(200);
  });

  it('reports health with the database', async () => {
    const response = await app.http().get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.database.status).toBe('up');
  });

  it('publishes the OpenAPI document with every route and DTO schemas', async () => {
    const response = await app.http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/users/{id}/role',
        '/api/articles',
        '/api/articles/{slug}',
        '/api/debates',
        '/api/debates/{id}',
        '/api/health',
      ]),
    );
    expect(response.body.components.schemas.RegisterDto.properties).toHaveProperty('username');
    await app.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('sends security headers: a strict CSP, nosniff, no framing, a request id', async () => {
    const response = await app.http().get('/api/health');
    const csp = response.headers['content-security-policy'];
    const scriptSrc = csp.split(';').find((directive: string) => directive.trim().startsWith('script-src'));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'|frame-ancestors 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-request-id']).toMatch(/^[\w-]+$/);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMITS: 'on' });
  });
  afterAll(() => app.close());

  it('answers a burst of sign-in attempts with 429, retryAfter and Retry-After', async () => {
    const statuses: number[] = [];
    let limited: { body: Record<string, unknown>; headers: Record<string, string> } | undefined;
    for (let i = 0; i < 32; i++) {
      const response = await app
        .http()
        .post('/api/auth/login')
        .send({ username: 'nobody_here', password: 'wrong password' });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(limited?.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      retryAfter: expect.any(Number),
    });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not limit ordinary reading at that rate', async () => {
    const user = await makers(app).user();
    for (let i = 0; i < 15; i++) await app.http().get('/api/auth/me').set(user.auth).expect(200);
  });
});
