import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestApp } from '../support/app';

describe('HTTP basics', () => {
  // A stand-in for the built client, so the fallback to index.html is in play whether or not client/dist exists.
  const clientDir = mkdtempSync(join(tmpdir(), 'forum-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>');
  const { make, api } = useTestApp({ clientDir });

  const post = (body: string, type = 'application/json') =>
    api().post('/api/auth/login').set('Content-Type', type).send(body);

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
    const response = await api().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it.each(['/api', '/api/', '/api/nothing/deeper'])(
    'answers %s with the JSON 404, never the client page',
    async (path) => {
      const response = await api().get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toMatchObject({ statusCode: 404 });
    },
  );

  it('serves the client at / and falls back to it for client routes', async () => {
    for (const path of ['/', '/debates/some-id', '/login']) {
      const response = await api().get(path).expect(200);
      expect(response.text).toContain('<div id="root">');
    }
  });

  it("hashes no API answer for an ETag, while the client's files keep theirs", async () => {
    const answer = await api().get('/api/debates').expect(200);
    expect(answer.headers.etag).toBeUndefined();
    const page = await api().get('/').expect(200);
    expect(page.headers.etag).toEqual(expect.any(String));
  });

  describe('lists', () => {
    const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const time = new Date().toISOString();
    const id = '00000000-0000-4000-8000-000000000000';

    it.each([
      ['a non-date time', ['yesterday', id]],
      ['a date not in the form a cursor carries', ['2024-02-21', id]],
      ['a non-UUID id', [time, 'not-a-uuid']],
      ['a number for the id', [time, 42]],
      ['too few values', [time]],
      ['an object', { createdAt: time, id }],
    ])('answers a debates cursor holding %s with 400', async (_case, values) => {
      for (const path of ['/api/debates', '/api/articles']) {
        const response = await api()
          .get(`${path}?cursor=${cursor(values)}`)
          .expect(400);
        expect(response.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('cursor') });
      }
    });

    it.each([
      ['top', [1.5, time, id]],
      ['top', [null, time, id]],
      ['top', ['1', time, id]],
      ['new', ['not a date', id]],
      ['old', [time, 'x']],
      ['common-ground', [1, 2, time, 'x']],
      ['common-ground', [0.25, 2, time, id]],
    ])('answers a posts cursor (sort=%s) holding %j with 400', async (sort, values) => {
      const debate = await make.debate();
      const response = await api()
        .get(`/api/debates/${debate.id}/posts?sort=${sort}&cursor=${cursor(values)}`)
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('cursor') });
    });

    it('drops unknown query parameters and treats an empty cursor as none', async () => {
      const first = await api().get('/api/debates?limit=2').expect(200);
      const busted = await api().get('/api/debates?limit=2&_=1712345678&utm_source=x').expect(200);
      const empty = await api().get('/api/debates?limit=2&cursor=').expect(200);
      expect(busted.body).toEqual(first.body);
      expect(empty.body).toEqual(first.body);
      const debate = await make.debate();
      await api().get(`/api/debates/${debate.id}/posts?_=1&cursor=`).expect(200);
    });

    it('still refuses unknown fields in a body', async () => {
      const response = await api().post('/api/auth/login').send({ username: 'someone', password: 'x', _: 1 });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.message)).toContain('_');
    });
  });

  it('keeps serving after bad input', async () => {
    await post('{oops').expect(400);
    await api().get('/api/health').expect(200);
  });

  it('reports health with the database', async () => {
    const response = await api().get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.details.database.status).toBe('up');
  });

  it('publishes the OpenAPI document with every route and DTO schemas', async () => {
    const response = await api().get('/api/docs-json').expect(200);
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
    expect(response.body.components.schemas.RegisterRequest.properties).toHaveProperty('username');
    await api().get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('sends security headers: a strict CSP, nosniff, no framing, a request id', async () => {
    const response = await api().get('/api/health');
    const csp = response.headers['content-security-policy'];
    const scriptSrc = csp.split(';').find((directive: string) => directive.trim().startsWith('script-src'));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'(;|$)/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self' ws: wss:/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-request-id']).toMatch(/^[\w-]+$/);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limits', () => {
  const { make, api } = useTestApp({ env: { RATE_LIMITS: 'on' } });

  it('answers a burst of sign-in attempts with 429, retryAfter and Retry-After', async () => {
    const statuses: number[] = [];
    let limited: { body: Record<string, unknown>; headers: Record<string, string> } | undefined;
    // The limit counts before validation, so all but a few attempts send a password too long to be hashed (400):
    // 30 argon2 checks in a row would outlast the test's timeout on a busy machine.
    for (let i = 0; i < 32; i++) {
      const response = await api()
        .post('/api/auth/login')
        .send({ username: `nobody_${i}`, password: i < 3 ? 'wrong password' : 'x'.repeat(129) });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 30)).toEqual([...Array(3).fill(401), ...Array(27).fill(400)]);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect(limited?.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      retryAfter: expect.any(Number),
    });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not limit ordinary reading at that rate', async () => {
    const user = await make.user();
    for (let i = 0; i < 15; i++) await api(user).get('/api/auth/me').expect(200);
  });
});
