import { UnitOfWork } from '../../src/events/unit-of-work';
import { NotificationService } from '../../src/notifications/notification.service';
import { useTestApp } from '../support/app';
import { bodyOf, TestUser, uniqueName } from '../support/make';
import { nextEvent, record, request, WireEvent } from '../support/sockets';

interface Notification {
  id: string;
  kind: string;
  postId: string;
  debateId: string;
  actor: { id: string; username: string } | null;
  outcome: string | null;
  excerpt: string | null;
  readAt: string | null;
}

interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** Replies and mentions notify people, in the post's transaction, live on their own stream, until read. */
describe('notifications', () => {
  const { app, make, api, connect } = useTestApp();

  const inbox = async (user: TestUser, query = '') =>
    bodyOf<NotificationPage>(await api(user).get(`/api/notifications${query}`), 200);

  /** A socket of `user` following their own stream. */
  async function follow(user: TestUser) {
    const socket = await connect({ user });
    const ack = await request(socket, 'user:join', {});
    expect(ack).toMatchObject({ ok: true, seq: expect.any(Number), missed: [] });
    return socket;
  }

  it('tells the author of a post that someone replied, not when they reply to themselves', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const replier = await make.user();
    const post = await make.post(debate, { author, body: 'Labels help.' });
    const reply = await make.reply(post, { author: replier, body: 'Only if they stay on the file.' });
    await make.reply(post, { author, body: 'Answering myself.' });
    const { items, unreadCount } = await inbox(author);
    expect(unreadCount).toBe(1);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'reply',
        postId: reply.id,
        debateId: debate.id,
        actor: { id: replier.id, username: replier.username, displayName: replier.displayName },
        excerpt: 'Only if they stay on the file.',
        outcome: null,
        readAt: null,
      }),
    ]);
    expect((await inbox(replier)).items).toEqual([]);
  });

  it('tells each person mentioned once per post; unknown names stay plain text', async () => {
    const debate = await make.debate();
    const named = await make.user({ username: uniqueName('Named') });
    const author = await make.user();
    const body = `@${named.username.toLowerCase()} and @${named.username}, see this. @nobody_${uniqueName()} too.`;
    const post = await make.post(debate, { author, body });
    expect(post.mentions).toEqual([named.username]);
    expect((await inbox(named)).items).toEqual([
      expect.objectContaining({ kind: 'mention', postId: post.id, actor: expect.objectContaining({ id: author.id }) }),
    ]);
    // An edit that mentions them again tells nobody twice; one that names someone new tells only them.
    const other = await make.user();
    await api(author)
      .patch(`/api/posts/${post.id}`)
      .send({ body: `${body} Also @${other.username}.` })
      .expect(200);
    expect((await inbox(named)).items).toHaveLength(1);
    expect((await inbox(other)).items).toEqual([expect.objectContaining({ kind: 'mention', postId: post.id })]);
  });

  it('ignores mentions in code, e-mail addresses and of oneself', async () => {
    const debate = await make.debate();
    const named = await make.user();
    const author = await make.user();
    await make.post(debate, {
      author,
      body: `\`@${named.username}\`\n\n\`\`\`\n@${named.username}\n\`\`\`\nmail me: x@${named.username}.org, I am @${author.username}`,
    });
    expect((await inbox(named)).items).toEqual([]);
    expect((await inbox(author)).items).toEqual([]);
  });

  it('gives a parent author mentioned in a reply one notification, the reply', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author });
    await make.reply(post, { body: `@${author.username} you are wrong.` });
    expect((await inbox(author)).items.map((item) => item.kind)).toEqual(['reply']);
  });

  it('respects the kinds a person turned off, and still tells them of a mention in a reply', async () => {
    const debate = await make.debate();
    const author = await make.user();
    expect(bodyOf(await api(author).get('/api/notifications/settings'), 200)).toEqual({
      reply: true,
      mention: true,
      moderation: true,
    });
    expect(bodyOf(await api(author).patch('/api/notifications/settings').send({ reply: false }), 200)).toEqual({
      reply: false,
      mention: true,
      moderation: true,
    });
    const post = await make.post(debate, { author });
    await make.reply(post);
    expect((await inbox(author)).items).toEqual([]);
    await make.reply(post, { body: `Right, @${author.username}?` });
    expect((await inbox(author)).items.map((item) => item.kind)).toEqual(['mention']);
    await api(author).patch('/api/notifications/settings').send({ mention: false }).expect(200);
    await make.post(debate, { body: `@${author.username} again` });
    expect((await inbox(author)).items).toHaveLength(1);
    await api(author).patch('/api/notifications/settings').send({ reply: 'no' }).expect(400);
    await api(author).patch('/api/notifications/settings').send({ sms: true }).expect(400);
  });

  it('tells nobody of a held post until it is approved', async () => {
    const debate = await make.debate({ premoderated: true });
    const moderator = await make.user({ role: 'moderator' });
    const author = await make.user();
    const post = await make.post(debate, { author: moderator, body: 'Published by a moderator.' });
    const named = await make.user();
    const pending = await make.reply(post, { author, body: `Held, @${named.username}.` });
    expect(pending.status).toBe('pending');
    expect((await inbox(moderator)).items).toEqual([]);
    expect((await inbox(named)).items).toEqual([]);
    await make.setStatus(pending, 'visible', moderator);
    expect((await inbox(moderator)).items.map((item) => item.kind)).toEqual(['reply']);
    expect((await inbox(named)).items.map((item) => item.kind)).toEqual(['mention']);
  });

  it('stops listing a reply the recipient may no longer see', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author });
    const reply = await make.reply(post, { body: 'Soon hidden.' });
    expect((await inbox(author)).unreadCount).toBe(1);
    await make.hide(reply);
    expect(await inbox(author)).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('marks some or all read, and lists unread ones alone on request', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author });
    for (let i = 0; i < 3; i++) await make.reply(post);
    const { items } = await inbox(author);
    expect(items).toHaveLength(3);
    const [newest] = items;
    const other = await make.user();
    expect(
      bodyOf(
        await api(other)
          .post('/api/notifications/read')
          .send({ ids: [newest.id] }),
        200,
      ),
    ).toEqual({
      unreadCount: 0,
    });
    expect((await inbox(author)).unreadCount).toBe(3);
    expect(
      bodyOf(
        await api(author)
          .post('/api/notifications/read')
          .send({ ids: [newest.id] }),
        200,
      ),
    ).toEqual({
      unreadCount: 2,
    });
    const unread = await inbox(author, '?unread=true');
    expect(unread.items.map((item) => item.id)).not.toContain(newest.id);
    expect(unread.items).toHaveLength(2);
    expect(bodyOf(await api(author).post('/api/notifications/read').send({}), 200)).toEqual({ unreadCount: 0 });
    expect((await inbox(author)).items.every((item) => item.readAt !== null)).toBe(true);
    await api(author)
      .post('/api/notifications/read')
      .send({ ids: ['not-a-uuid'] })
      .expect(400);
    await api(author).get('/api/notifications?unread=maybe').expect(400);
  });

  it('pages newest first, each notification exactly once', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await make.reply(post));
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: NotificationPage = await inbox(author, `?limit=2&cursor=${cursor}`);
      seen.push(...page.items.map((item) => item.postId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(replies.map((reply) => reply.id).reverse());
  });

  it('needs a signed-in caller', async () => {
    await api().get('/api/notifications').expect(401);
    await api().post('/api/notifications/read').send({}).expect(401);
    await api().get('/api/notifications/settings').expect(401);
  });

  it('delivers notifications live on the owner’s own stream, and to nobody else', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const bystander = await make.user();
    const mine = await follow(author);
    const theirs = await follow(bystander);
    const seenByBystander = record(theirs, 'notification.created');
    const post = await make.post(debate, { author });
    const live = nextEvent<WireEvent>(mine, 'notification.created');
    const reply = await make.reply(post, { body: 'Live reply.' });
    const event = await live;
    expect(event).toMatchObject({
      type: 'notification.created',
      stream: `user:${author.id}`,
      data: { kind: 'reply', postId: reply.id, excerpt: 'Live reply.' },
    });
    // Something the bystander is told after: had the author's notification reached them, it would have come first.
    const own = nextEvent<WireEvent>(theirs, 'notification.created');
    const theirPost = await make.post(debate, { author: bystander });
    await make.reply(theirPost);
    await own;
    expect(seenByBystander.map((seen) => seen.stream)).toEqual([`user:${bystander.id}`]);
  });

  it('resumes the personal stream after a seq', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const socket = await follow(author);
    const post = await make.post(debate, { author });
    const first = nextEvent<WireEvent>(socket, 'notification.created');
    await make.reply(post);
    const { seq } = await first;
    await make.reply(post);
    await make.reply(post);
    const later = await connect({ user: author });
    const resumed = await request(later, 'user:join', { since: seq });
    expect(resumed).toMatchObject({ ok: true, seq: seq + 2 });
    expect((resumed as unknown as { missed: WireEvent[] }).missed.map((event) => event.seq)).toEqual([
      seq + 1,
      seq + 2,
    ]);
  });

  it("refuses to let anyone follow someone else's stream", async () => {
    const owner = await make.user();
    const other = await make.user();
    const socket = await connect({ user: other });
    expect(await request(socket, 'user:join', { userId: owner.id })).toMatchObject({
      ok: false,
      error: { statusCode: 403 },
    });
    const moderator = await connect({ user: await make.user({ role: 'moderator' }) });
    expect(await request(moderator, 'user:join', { userId: owner.id })).toMatchObject({
      ok: false,
      error: { statusCode: 403 },
    });
    expect(await request(await connect(), 'user:join', {})).toMatchObject({ ok: false, error: { statusCode: 401 } });
    expect(await request(socket, 'user:join', { userId: other.id })).toMatchObject({ ok: true });
    expect(await request(socket, 'user:join', { userId: 'x' })).toMatchObject({
      ok: false,
      error: { statusCode: 400 },
    });
    expect(await request(socket, 'user:leave', { userId: other.id })).toEqual({ ok: true });
  });

  it('lets other modules notify in their own transaction: a moderation outcome, without naming the moderator', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author, body: 'Judged by the moderators.' });
    const socket = await follow(author);
    const live = nextEvent<WireEvent>(socket, 'notification.created');
    await app()
      .app.get(UnitOfWork)
      .run((tx, events) =>
        app().app.get(NotificationService).notify(tx, events, {
          userId: author.id,
          kind: 'moderation',
          postId: post.id,
          debateId: debate.id,
          actorId: null,
          outcome: 'labelled',
        }),
      );
    expect((await live).data).toMatchObject({ kind: 'moderation', outcome: 'labelled', actor: null });
    expect((await inbox(author)).items).toEqual([
      expect.objectContaining({ kind: 'moderation', postId: post.id, outcome: 'labelled' }),
    ]);
  });
});
