import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { useTestApp } from '../support/app';
import { TestUser, uniqueName } from '../support/make';
import { OpenApiConformance, OpenApiDocument } from '../support/openapi';

const COMMITTED = join(__dirname, '..', '..', 'docs', 'openapi.json');
/** The documents themselves: the OpenAPI one at /api/docs and /api/docs-json, the AsyncAPI one. */
const DOCUMENT_ROUTES = /^\/api\/(docs|asyncapi\.json)/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  as?: TestUser;
  body?: unknown;
  /** A body sent as is, with this content type. */
  raw?: { type: string; data: string };
}

describe('the OpenAPI document', () => {
  const { app, make, api, sql } = useTestApp();
  let served: OpenApiDocument;
  let conformance: OpenApiConformance;
  /** `method template status` of every answer checked, to show at the end that every success was seen. */
  const answered = new Set<string>();

  beforeAll(async () => {
    served = (await api().get('/api/docs-json').expect(200)).body;
    conformance = new OpenApiConformance(served);
  });

  /** Calls `METHOD /api/template/{param}` and fails unless the answer is one the document describes. */
  async function call(operation: string, options: CallOptions = {}): Promise<Response> {
    const [verb, template] = operation.split(' ');
    const method = verb.toLowerCase() as Method;
    const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params![name]));
    let request = api(options.as)[method](url);
    if (options.query) request = request.query(options.query);
    if (options.raw) request = request.set('Content-Type', options.raw.type).send(options.raw.data);
    else if (options.body !== undefined) request = request.send(options.body as object);
    const response = await request;
    const answer = `${operation} → ${response.status}`;
    expect({ [answer]: conformance.problems(method, template, response) }).toEqual({ [answer]: [] });
    answered.add(`${method} ${template} ${response.status}`);
    return response;
  }

  it('is served exactly as committed in docs/openapi.json (npm run api:types regenerates it)', () => {
    expect(served).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });

  it('lists every route the app serves, and no other', () => {
    const stack = (app().app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } }).router.stack;
    const routes = stack.flatMap(({ route }) =>
      route && route.path.startsWith('/api/') && !DOCUMENT_ROUTES.test(route.path)
        ? Object.keys(route.methods).map((method) => `${method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
        : [],
    );
    const documented = Object.entries(served.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => (METHODS as readonly string[]).includes(key))
        .map((method) => `${method} ${path}`),
    );
    expect(routes.sort()).toEqual(documented.sort());
  });

  it('answers accounts and roles as documented', async () => {
    const username = uniqueName();
    const credentials = { username, password: 'a long enough password' };
    const registered = await call('POST /api/auth/register', { body: { ...credentials, displayName: ' Ada ' } });
    expect(registered.status).toBe(201);
    expect((await call('POST /api/auth/register', { body: credentials })).status).toBe(409);
    expect((await call('POST /api/auth/register', { body: { ...credentials, username: 'no!' } })).status).toBe(400);
    const text = { type: 'text/plain', data: 'username=x' };
    expect((await call('POST /api/auth/register', { raw: text })).status).toBe(415);
    const huge = { type: 'application/json', data: JSON.stringify({ username, password: 'x'.repeat(1_100_000) }) };
    expect((await call('POST /api/auth/register', { raw: huge })).status).toBe(413);

    expect((await call('POST /api/auth/login', { body: credentials })).status).toBe(200);
    expect((await call('POST /api/auth/login', { body: { ...credentials, password: 'wrong one' } })).status).toBe(401);
    expect((await call('POST /api/auth/login', { body: { username } })).status).toBe(400);

    const user = await make.user();
    expect((await call('GET /api/auth/me', { as: user })).status).toBe(200);
    expect((await call('GET /api/auth/me')).status).toBe(401);
    expect((await call('POST /api/auth/logout', { as: user })).status).toBe(204);
    expect((await call('POST /api/auth/logout')).status).toBe(401);

    const admin = await make.user({ role: 'admin' });
    const other = await make.user();
    const role = (as: TestUser | undefined, id: string, body: object) =>
      call('PATCH /api/users/{id}/role', { params: { id }, as, body });
    expect((await role(admin, other.id, { role: 'moderator' })).status).toBe(200);
    expect((await role(admin, other.id, { role: 'king' })).status).toBe(400);
    expect((await role(admin, randomUUID(), { role: 'moderator' })).status).toBe(404);
    expect((await role(await make.user(), other.id, { role: 'admin' })).status).toBe(403);
    expect((await role(undefined, other.id, { role: 'admin' })).status).toBe(401);
  });

  it('answers the article and debates as documented, translations and all', async () => {
    expect((await call('GET /api/articles', { query: { limit: 1 } })).status).toBe(200);
    expect((await call('GET /api/articles', { query: { limit: 0 } })).status).toBe(400);
    const article = await call('GET /api/articles/{slug}', { params: { slug: 'sora-vom-text-zum-film' } });
    expect(article.body.debates.some((debate: { i18n: unknown }) => debate.i18n !== null)).toBe(true);
    expect((await call('GET /api/articles/{slug}', { params: { slug: 'no-such-article' } })).status).toBe(404);

    const organiser = await make.user({ role: 'organiser' });
    const participant = await make.user();
    const moderator = await make.user({ role: 'moderator' });
    const question = { question: 'Can labels on AI video be enforced?' };
    const created = await call('POST /api/debates', { as: organiser, body: question });
    expect(created.status).toBe(201);
    expect(created.body.i18n).toBeNull();
    expect((await call('POST /api/debates', { as: organiser, body: { question: 'No' } })).status).toBe(400);
    expect((await call('POST /api/debates', { as: participant, body: question })).status).toBe(403);
    expect((await call('POST /api/debates', { body: question })).status).toBe(401);

    const page = await call('GET /api/debates', { query: { limit: 1 } });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect((await call('GET /api/debates', { query: { cursor: 'not-a-cursor' } })).status).toBe(400);
    const id = created.body.id as string;
    expect((await call('GET /api/debates/{id}', { params: { id } })).status).toBe(200);
    expect((await call('GET /api/debates/{id}', { params: { id: randomUUID() } })).status).toBe(404);
    expect((await call('GET /api/debates/{id}', { params: { id: 'not-a-uuid' } })).status).toBe(400);

    const change = (as: TestUser | undefined, debateId: string, body: object) =>
      call('PATCH /api/debates/{id}', { params: { id: debateId }, as, body });
    expect((await change(moderator, id, { slowModeSeconds: 0 })).status).toBe(200);
    expect((await change(moderator, id, {})).status).toBe(400);
    expect((await change(moderator, randomUUID(), { premoderated: true })).status).toBe(404);
    expect((await change(participant, id, { status: 'locked' })).status).toBe(403);
    expect((await change(undefined, id, { status: 'locked' })).status).toBe(401);
  });

  it('answers writing posts as documented: created, repeated, refused', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const moderator = await make.user({ role: 'moderator' });
    const write = (as: TestUser | undefined, body: object, id = debate.id) =>
      call('POST /api/debates/{id}/posts', { params: { id }, as, body });

    const draft = { body: 'Labels only help if platforms keep them.', stance: 'pro', clientId: randomUUID() };
    const post = await write(author, draft);
    expect(post.status).toBe(201);
    expect((await write(author, draft)).status).toBe(200);
    const reply = await write(author, { body: 'Which platforms?', parentId: post.body.id });
    expect(reply.body.stance).toBeNull();
    expect((await write(author, { body: 'Stance on a reply', parentId: post.body.id, stance: 'pro' })).status).toBe(
      400,
    );
    expect((await write(author, { body: 'Nowhere' }, randomUUID())).status).toBe(404);
    expect((await write(undefined, { body: 'A guest' })).status).toBe(401);

    expect((await call('DELETE /api/posts/{id}', { params: { id: reply.body.id }, as: author })).status).toBe(204);
    expect((await write(author, { body: 'To a deleted post', parentId: reply.body.id })).status).toBe(409);

    const suspended = await make.user();
    await sql(`UPDATE users SET suspended_until = now() + interval '1 day', suspension_reason = 'spam' WHERE id = $1`, [
      suspended.id,
    ]);
    expect((await write(suspended, { body: 'Still here' })).status).toBe(403);

    const slow = await make.debate();
    await call('PATCH /api/debates/{id}', { params: { id: slow.id }, as: moderator, body: { slowModeSeconds: 600 } });
    expect((await write(author, { body: 'First' }, slow.id)).status).toBe(201);
    expect((await write(author, { body: 'Second, too soon' }, slow.id)).status).toBe(429);

    await call('PATCH /api/debates/{id}', { params: { id: slow.id }, as: moderator, body: { status: 'locked' } });
    expect((await write(author, { body: 'Into a locked debate' }, slow.id)).status).toBe(423);
  });

  it('answers reading, editing, deleting and voting as documented', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const reader = await make.user();
    const root = await call('POST /api/debates/{id}/posts', {
      params: { id: debate.id },
      as: author,
      body: { body: 'A first argument.', stance: 'contra' },
    });
    const id = root.body.id as string;
    await call('POST /api/debates/{id}/posts', {
      params: { id: debate.id },
      as: reader,
      body: { body: 'A reply', parentId: id },
    });

    const level = await call('GET /api/debates/{id}/posts', { params: { id: debate.id }, as: reader });
    expect(level.body.items[0].myVote).toBe(0);
    expect((await call('GET /api/debates/{id}/posts', { params: { id: debate.id } })).status).toBe(200);
    const unknownDebate = { params: { id: randomUUID() } };
    expect((await call('GET /api/debates/{id}/posts', unknownDebate)).status).toBe(404);
    const badSort = { params: { id: debate.id }, query: { sort: 'random' } };
    expect((await call('GET /api/debates/{id}/posts', badSort)).status).toBe(400);

    const whole = await call('GET /api/debates/{id}/tree', { params: { id: debate.id } });
    expect(whole.body.items[0].replies).toHaveLength(1);
    const subtree = await call('GET /api/debates/{id}/tree', { params: { id: debate.id }, query: { rootId: id } });
    expect(subtree.body.id).toBe(id);
    const unknownRoot = { params: { id: debate.id }, query: { rootId: randomUUID() } };
    expect((await call('GET /api/debates/{id}/tree', unknownRoot)).status).toBe(404);

    const edit = (as: TestUser, body: object) => call('PATCH /api/posts/{id}', { params: { id }, as, body });
    expect((await edit(author, { body: 'A first argument, sharpened.' })).status).toBe(200);
    expect((await edit(reader, { body: 'Not mine to edit' })).status).toBe(403);
    expect((await call('GET /api/posts/{id}/revisions', { params: { id } })).body.items).toHaveLength(1);
    expect((await call('GET /api/posts/{id}/revisions', { params: { id: randomUUID() } })).status).toBe(404);

    const vote = (value: unknown) => call('PUT /api/posts/{id}/vote', { params: { id }, as: reader, body: { value } });
    expect((await vote(1)).status).toBe(200);
    expect((await vote(2)).status).toBe(400);

    expect((await call('DELETE /api/posts/{id}', { params: { id }, as: reader })).status).toBe(403);
    expect((await call('DELETE /api/posts/{id}', { params: { id }, as: author })).status).toBe(204);
    const tombstone = await call('GET /api/posts/{id}', { params: { id } });
    expect(tombstone.body.author).toBeNull();
    expect((await call('GET /api/posts/{id}', { params: { id: randomUUID() } })).status).toBe(404);
    expect((await edit(author, { body: 'Back from the dead' })).status).toBe(409);
    expect((await vote(-1)).status).toBe(409);
  });

  it('answers permalinks, search, notifications and profiles as documented', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const replier = await make.user();
    const root = await call('POST /api/debates/{id}/posts', {
      params: { id: debate.id },
      as: author,
      body: { body: 'Watermarks fade on re-upload.', stance: 'pro' },
    });
    const reply = await call('POST /api/debates/{id}/posts', {
      params: { id: debate.id },
      as: replier,
      body: { body: `Not all of them, @${author.username}.`, parentId: root.body.id, relation: 'challenges' },
    });
    expect(reply.body).toMatchObject({ relation: 'challenges', mentions: [author.username] });
    const relationOnTop = { body: 'A claim', relation: 'supports' };
    expect(
      (await call('POST /api/debates/{id}/posts', { params: { id: debate.id }, as: author, body: relationOnTop }))
        .status,
    ).toBe(400);

    const context = await call('GET /api/posts/{id}/context', { params: { id: reply.body.id } });
    expect(context.body.ancestors).toHaveLength(1);
    expect((await call('GET /api/posts/{id}/context', { params: { id: randomUUID() } })).status).toBe(404);

    const found = await call('GET /api/search', { query: { q: 'watermark', debateId: debate.id }, as: author });
    expect(found.body.items).toHaveLength(1);
    expect((await call('GET /api/search', { query: { q: 'x'.repeat(1000) } })).status).toBe(400);
    expect((await call('GET /api/search', { query: { q: 'x', debateId: randomUUID() } })).status).toBe(404);

    const inbox = await call('GET /api/notifications', { as: author });
    expect(inbox.body.unreadCount).toBe(1);
    expect((await call('GET /api/notifications')).status).toBe(401);
    expect((await call('GET /api/notifications', { as: author, query: { unread: 'maybe' } })).status).toBe(400);
    expect(
      (await call('POST /api/notifications/read', { as: author, body: { ids: [inbox.body.items[0].id] } })).body,
    ).toEqual({ unreadCount: 0 });
    expect((await call('POST /api/notifications/read', { as: author, body: { ids: 'all' } })).status).toBe(400);
    expect((await call('GET /api/notifications/settings', { as: author })).status).toBe(200);
    expect(
      (await call('PATCH /api/notifications/settings', { as: author, body: { mention: false } })).body.mention,
    ).toBe(false);
    expect((await call('PATCH /api/notifications/settings', { as: author, body: { mention: 'no' } })).status).toBe(400);

    const username = { username: author.username };
    expect((await call('GET /api/users/by-name/{username}', { params: username })).body.postCount).toBe(1);
    expect(
      (await call('GET /api/users/by-name/{username}', { params: { username: 'no_such_person_here' } })).status,
    ).toBe(404);
    expect((await call('GET /api/users/by-name/{username}/posts', { params: username })).body.items).toHaveLength(1);
    expect(
      (await call('GET /api/users/by-name/{username}/posts', { params: username, query: { limit: 0 } })).status,
    ).toBe(400);
    const prefix = { prefix: author.username.slice(0, 6) };
    expect((await call('GET /api/users/suggest', { as: replier, query: prefix })).status).toBe(200);
    expect((await call('GET /api/users/suggest', { as: replier, query: { prefix: '' } })).status).toBe(400);
    expect((await call('GET /api/users/suggest', { query: prefix })).status).toBe(401);
  });

  it('answers live sessions, their polls and questions as documented', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const participant = await make.user();
    const debate = await make.debate();
    const post = await make.post(debate);
    const sessionBody = { title: 'Sora in class', debateIds: [debate.id] };
    const created = await call('POST /api/sessions', { as: organiser, body: sessionBody });
    expect(created.status).toBe(201);
    expect((await call('POST /api/sessions', { as: organiser, body: { title: 'No agenda' } })).status).toBe(400);
    expect((await call('POST /api/sessions', { as: participant, body: sessionBody })).status).toBe(403);
    expect((await call('POST /api/sessions', { body: sessionBody })).status).toBe(401);
    const id = created.body.id as string;
    const params = { id };

    expect((await call('GET /api/sessions', { as: organiser, query: { mine: 'true' } })).body.items).toHaveLength(1);
    expect((await call('GET /api/sessions', { as: organiser, query: { mine: 'maybe' } })).status).toBe(400);
    expect((await call('GET /api/sessions', { as: participant })).body).toEqual({ items: [], nextCursor: null });
    expect((await call('GET /api/sessions/{id}', { params })).body.code).toBe(created.body.code);
    expect((await call('GET /api/sessions/{id}', { params: { id: randomUUID() } })).status).toBe(404);
    const code = { code: (created.body.code as string).toLowerCase() };
    expect((await call('GET /api/sessions/code/{code}', { params: code })).body.id).toBe(id);
    expect((await call('GET /api/sessions/code/{code}', { params: { code: 'ZZZZZZ1' } })).status).toBe(404);

    expect((await call('POST /api/sessions/{id}/pause', { params, as: organiser })).status).toBe(409);
    expect((await call('POST /api/sessions/{id}/start', { params, as: participant })).status).toBe(403);
    expect((await call('POST /api/sessions/{id}/start', { params, as: organiser })).body.status).toBe('live');
    expect((await call('POST /api/sessions/{id}/pause', { params, as: organiser })).body.status).toBe('paused');
    expect((await call('POST /api/sessions/{id}/resume', { params, as: organiser })).body.status).toBe('live');
    const agenda = (body: object) => call('POST /api/sessions/{id}/agenda/current', { params, as: organiser, body });
    expect((await agenda({ debateId: debate.id })).body.currentDebateId).toBe(debate.id);
    expect((await agenda({ debateId: randomUUID() })).status).toBe(400);
    const timer = (body: object) => call('POST /api/sessions/{id}/timer', { params, as: organiser, body });
    expect((await timer({ seconds: 90 })).body.timerEndsAt).toEqual(expect.any(String));
    expect((await timer({ seconds: -1 })).status).toBe(400);
    const spotlight = (body: object) => call('POST /api/sessions/{id}/spotlight', { params, as: organiser, body });
    expect((await spotlight({ postId: post.id })).body.spotlightPostId).toBe(post.id);
    const elsewhere = await make.post(await make.debate());
    expect((await spotlight({ postId: elsewhere.id })).status).toBe(400);
    expect((await spotlight({ postId: randomUUID() })).status).toBe(404);

    const pollBody = { question: 'Should labels be mandatory?', options: ['Yes', 'No'], kind: 'quick' };
    const poll = await call('POST /api/sessions/{id}/polls', { params, as: organiser, body: pollBody });
    expect(poll.status).toBe(201);
    expect((await call('POST /api/sessions/{id}/polls', { params, as: participant, body: pollBody })).status).toBe(403);
    const pollParams = { id: poll.body.id as string };
    const vote = (optionIndex: unknown) =>
      call('PUT /api/polls/{id}/vote', { params: pollParams, as: participant, body: { optionIndex } });
    expect((await vote(0)).status).toBe(404); // a draft is hidden from participants, as GET hides it
    expect(
      (await call('PUT /api/polls/{id}/vote', { params: pollParams, as: organiser, body: { optionIndex: 0 } })).status,
    ).toBe(409);
    expect((await call('POST /api/polls/{id}/open', { params: pollParams, as: organiser })).body.state).toBe('open');
    expect((await vote(1)).body.myVote).toBe(1);
    expect((await vote('one')).status).toBe(400);
    expect((await call('GET /api/polls/{id}', { params: pollParams })).body.total).toBe(1);
    expect((await call('GET /api/polls/{id}', { params: { id: randomUUID() } })).status).toBe(404);
    expect((await call('GET /api/sessions/{id}/polls', { params })).body.items).toHaveLength(1);
    expect((await call('POST /api/polls/{id}/close', { params: pollParams, as: organiser })).body.state).toBe('closed');
    expect((await call('POST /api/polls/{id}/close', { params: pollParams, as: organiser })).status).toBe(409);

    const ask = (body: object) => call('POST /api/sessions/{id}/questions', { params, as: participant, body });
    const question = await ask({ body: 'Who checks the watermark?' });
    expect(question.status).toBe(201);
    expect((await ask({ body: ' ' })).status).toBe(400);
    const questionParams = { id: question.body.id as string };
    expect((await call('PUT /api/questions/{id}/upvote', { params: questionParams, as: organiser })).body.upvotes).toBe(
      1,
    );
    expect((await call('PUT /api/questions/{id}/upvote', { params: { id: randomUUID() }, as: organiser })).status).toBe(
      404,
    );
    expect(
      (await call('DELETE /api/questions/{id}/upvote', { params: questionParams, as: organiser })).body.upvotes,
    ).toBe(0);
    const setState = (as: TestUser, state: string) =>
      call('PATCH /api/questions/{id}', { params: questionParams, as, body: { state } });
    expect((await setState(organiser, 'answered')).body.state).toBe('answered');
    expect((await setState(organiser, 'gone')).status).toBe(400);
    expect((await setState(participant, 'hidden')).status).toBe(403);
    expect(
      (await call('GET /api/sessions/{id}/questions', { params, query: { order: 'new' } })).body.items,
    ).toHaveLength(1);
    expect((await call('GET /api/sessions/{id}/questions', { params, query: { order: 'worst' } })).status).toBe(400);

    expect((await call('GET /api/sessions/{id}/report', { params, as: organiser })).body.polls).toHaveLength(1);
    expect((await call('GET /api/sessions/{id}/report', { params, as: participant })).status).toBe(403);
    expect((await call('POST /api/sessions/{id}/end', { params, as: organiser })).body.status).toBe('ended');
    expect((await call('POST /api/sessions/{id}/start', { params, as: organiser })).status).toBe(409);
    expect((await ask({ body: 'Too late?' })).status).toBe(409);
  });

  it('answers flags, the queue, labels, suspensions and watched words as documented', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const participant = await make.user();
    const author = await make.user();
    const debate = await make.debate();
    const post = await make.post(debate, { author });
    const params = { id: post.id };

    const flag = (as: TestUser | undefined, body: object) => call('POST /api/posts/{id}/flags', { params, as, body });
    expect((await flag(participant, { reason: 'synthetic_media', note: 'Looks generated' })).status).toBe(201);
    expect((await flag(participant, { reason: 'spam' })).status).toBe(409);
    expect((await flag(author, { reason: 'spam' })).status).toBe(400);
    expect((await flag(moderator, { reason: 'boring' })).status).toBe(400);
    expect((await flag(undefined, { reason: 'spam' })).status).toBe(401);

    const queue = await call('GET /api/moderation/queue', { as: moderator, query: { state: 'open', limit: 200 } });
    expect(queue.status).toBe(200);
    expect((await call('GET /api/moderation/queue', { as: moderator, query: { state: 'closed' } })).status).toBe(400);
    expect((await call('GET /api/moderation/queue', { as: participant })).status).toBe(403);
    expect((await call('GET /api/moderation/queue')).status).toBe(401);

    const act = (body: object, id = post.id) =>
      call('POST /api/moderation/posts/{id}/actions', { params: { id }, as: moderator, body });
    expect((await act({ action: 'hide', reason: 'Synthetic footage passed off as real' })).body.status).toBe('hidden');
    expect((await act({ action: 'hide', reason: 'Again' })).status).toBe(409);
    expect((await act({ action: 'hide' })).status).toBe(400);
    expect((await act({ action: 'hide', reason: 'Nothing there' }, randomUUID())).status).toBe(404);
    expect((await act({ action: 'restore', reason: 'Appeal of the author heard' })).body.status).toBe('visible');

    const labelBody = { kind: 'manipulated_media', note: 'The clip is generated.', reason: 'Fact check' };
    const label = (body: object) => call('PUT /api/moderation/posts/{id}/label', { params, as: moderator, body });
    expect((await label(labelBody)).body.label.kind).toBe('manipulated_media');
    expect((await label({ ...labelBody, kind: 'fake' })).status).toBe(400);
    const unlabel = () =>
      call('DELETE /api/moderation/posts/{id}/label', { params, as: moderator, body: { reason: 'Corrected' } });
    expect((await unlabel()).body.label).toBeNull();
    expect((await unlabel()).status).toBe(409);

    const until = new Date(Date.now() + 86_400_000).toISOString();
    const suspend = (as: TestUser, id: string, body: object) =>
      call('POST /api/moderation/users/{id}/suspend', { params: { id }, as, body });
    expect((await suspend(moderator, author.id, { until, reason: 'Repeated fakes' })).body.suspendedUntil).toBe(until);
    expect((await suspend(moderator, author.id, { until: 'tomorrow', reason: 'x' })).status).toBe(400);
    expect((await suspend(moderator, randomUUID(), { until, reason: 'Nobody' })).status).toBe(404);
    const otherModerator = await make.user({ role: 'moderator' });
    expect((await suspend(moderator, otherModerator.id, { until, reason: 'A colleague' })).status).toBe(403);
    expect((await suspend(participant, author.id, { until, reason: 'Not mine to do' })).status).toBe(403);
    const suspended = await call('GET /api/moderation/suspensions', { as: moderator, query: { limit: 200 } });
    expect(suspended.body.items.map((user: { id: string }) => user.id)).toContain(author.id);
    const unsuspend = () =>
      call('POST /api/moderation/users/{id}/unsuspend', { params: { id: author.id }, as: moderator, body: {} });
    expect((await unsuspend()).body.suspendedUntil).toBeNull();
    expect((await unsuspend()).status).toBe(409);

    const pattern = `zq${randomUUID().replace(/[\d-]/g, '')}`;
    const watch = (body: object) => call('POST /api/moderation/watched-words', { as: moderator, body });
    const watched = await watch({ pattern, action: 'review' });
    expect(watched.status).toBe(201);
    expect((await watch({ pattern, action: 'review' })).status).toBe(409);
    expect((await watch({ pattern: `${pattern}x`, action: 'ban' })).status).toBe(400);
    expect((await call('GET /api/moderation/watched-words', { as: moderator, query: { limit: 200 } })).status).toBe(
      200,
    );
    expect((await call('GET /api/moderation/watched-words', { as: participant })).status).toBe(403);
    const unwatch = (id: string) =>
      call('DELETE /api/moderation/watched-words/{id}', { params: { id }, as: moderator });
    expect((await unwatch(watched.body.id)).status).toBe(204);
    expect((await unwatch(watched.body.id)).status).toBe(404);
  });

  it('answers appeals, the logs and the transparency summary as documented', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const judge = await make.user({ role: 'moderator' });
    const author = await make.user();
    const stranger = await make.user();
    const post = await make.post(await make.debate(), { author });
    await api(moderator)
      .post(`/api/moderation/posts/${post.id}/actions`)
      .send({ action: 'hide', reason: 'Off topic' })
      .expect(200);

    const appeal = (as: TestUser | undefined, body: object) => call('POST /api/appeals', { as, body });
    const appealBody = { targetType: 'post', targetId: post.id, message: 'It was on topic.' };
    expect((await appeal(stranger, appealBody)).status).toBe(403);
    const appealed = await appeal(author, appealBody);
    expect(appealed.status).toBe(201);
    expect((await appeal(author, appealBody)).status).toBe(409);
    expect((await appeal(author, { ...appealBody, targetType: 'debate' })).status).toBe(400);
    expect((await appeal(undefined, appealBody)).status).toBe(401);
    expect((await call('GET /api/appeals/mine', { as: author })).body.items).toHaveLength(1);
    expect((await call('GET /api/appeals/mine')).status).toBe(401);
    expect((await call('GET /api/appeals', { as: judge, query: { state: 'open', limit: 200 } })).status).toBe(200);
    expect((await call('GET /api/appeals', { as: judge, query: { state: 'maybe' } })).status).toBe(400);
    expect((await call('GET /api/appeals', { as: author })).status).toBe(403);

    const decide = (as: TestUser, body: object, id = appealed.body.id as string) =>
      call('POST /api/appeals/{id}/decision', { params: { id }, as, body });
    expect((await decide(moderator, { decision: 'reverse', reason: 'My own call' })).status).toBe(403);
    expect((await decide(judge, { decision: 'maybe', reason: 'Unsure' })).status).toBe(400);
    expect((await decide(judge, { decision: 'reverse', reason: 'Unsure' }, randomUUID())).status).toBe(404);
    expect((await decide(judge, { decision: 'reverse', reason: 'It was on topic' })).body.state).toBe('reversed');
    expect((await decide(judge, { decision: 'uphold', reason: 'Changed my mind' })).status).toBe(409);

    const byPost = { targetId: post.id };
    expect((await call('GET /api/moderation/log', { as: moderator, query: byPost })).body.items.length).toBeGreaterThan(
      0,
    );
    expect((await call('GET /api/moderation/log', { as: moderator, query: { action: 'smite' } })).status).toBe(400);
    expect((await call('GET /api/moderation/log', { as: author })).status).toBe(403);
    expect((await call('GET /api/moderation/log')).status).toBe(401);
    expect((await call('GET /api/transparency/log', { query: byPost })).body.items.length).toBeGreaterThan(0);
    expect((await call('GET /api/transparency/log', { query: { limit: 0 } })).status).toBe(400);
    expect((await call('GET /api/transparency/summary', { query: { weeks: 4 } })).status).toBe(200);
    expect((await call('GET /api/transparency/summary', { query: { weeks: 500 } })).status).toBe(400);
  });

  it('answers health as documented', async () => {
    expect((await call('GET /api/health')).status).toBe(200);
  });

  it('has seen every documented success answer of every operation in the tests above', () => {
    const successes = Object.entries(served.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.keys(operation.responses)
          .filter((status) => status.startsWith('2'))
          .map((status) => `${method} ${path} ${status}`),
      ),
    );
    expect(successes.filter((success) => !answered.has(success))).toEqual([]);
  });
});

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
