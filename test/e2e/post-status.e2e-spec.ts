import { DomainError } from '../../src/common/errors/domain-error';
import { PostStatus } from '../../src/posts/post.entity';
import { PostScreening, ScreenedWrite } from '../../src/posts/post-screen';
import { useTestApp } from '../support/app';
import { TestUser } from '../support/make';
import { nextEvent, record, WireEvent } from '../support/sockets';

/**
 * The seams moderation builds on: PostWriter.setStatus moves a post between statuses with its counters and events,
 * and PostScreening runs every screen in order for creates and edits.
 */
describe('post status changes and screens', () => {
  const { app, make, api, connect, reload } = useTestApp();
  /**
   * Run once, from another connection, by the next screening of a post that says CHANGE-MEANWHILE: a change that
   * lands after the writer read the debate and the parent, before its write statement takes their locks.
   */
  let meanwhile: (() => Promise<unknown>) | null = null;
  beforeAll(() => {
    // A screen as moderation will add one: it holds or refuses posts that contain a marker word.
    app()
      .app.get(PostScreening)
      .use(
        {
          async screen({ body, draft }: ScreenedWrite) {
            if (body.includes('REFUSE-ME'))
              throw new DomainError('watched_word', 'Refused by the test screen.', { draft });
            if (body.includes('CHANGE-MEANWHILE') && meanwhile) {
              const change = meanwhile;
              meanwhile = null;
              await change();
            }
            return body.includes('HOLD-ME') ? [{ action: 'hold' as const, cause: 'test' }] : [];
          },
        },
        200,
      );
  });

  const moveTo = (postId: string, to: Exclude<PostStatus, 'pending'>, actor: TestUser) =>
    make.setStatus({ id: postId }, to, actor);

  it('publishes an approved pending post to everyone, with a new seq, and counts it', async () => {
    const debate = await make.debate({ premoderated: true });
    const moderator = await make.user({ role: 'moderator' });
    const pending = await make.post(debate, { body: 'Waiting', stance: 'pro' });
    const guest = await connect({ join: debate.id });
    const published = nextEvent<WireEvent>(guest, 'post.created');
    await moveTo(pending.id, 'visible', moderator);
    const event = await published;
    expect(event.data).toMatchObject({ id: pending.id, status: 'visible', body: 'Waiting' });
    expect(event.seq).toBeGreaterThan(pending.seq as number);
    expect((await api().get(`/api/posts/${pending.id}`).expect(200)).body.seq).toBe(event.seq);
    expect(await reload(debate)).toMatchObject({ postCount: 1, stanceCounts: { pro: 1, contra: 0, neutral: 0 } });
  });

  it('hides a visible post from everyone and restores it, moving the counts both ways', async () => {
    const debate = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const visible = await make.post(debate, { body: 'Doctored clip', stance: 'contra' });
    const guest = await connect({ join: debate.id });

    const hidden = nextEvent<WireEvent>(guest, 'post.hidden');
    await moveTo(visible.id, 'hidden', moderator);
    expect((await hidden).data).toEqual({ id: visible.id });
    await api().get(`/api/posts/${visible.id}`).expect(404);
    expect(await reload(debate)).toMatchObject({ postCount: 0, stanceCounts: { contra: 0 } });

    const restored = nextEvent<WireEvent>(guest, 'post.restored');
    await moveTo(visible.id, 'visible', moderator);
    expect((await restored).data).toMatchObject({ id: visible.id, status: 'visible', body: 'Doctored clip' });
    expect(await reload(debate)).toMatchObject({ postCount: 1, stanceCounts: { contra: 1 } });
  });

  it('withdraws a pending post nobody saw, and tombstones a published one', async () => {
    const debate = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const author = await make.user();
    const published = await make.post(debate, { author, body: 'Seen by all' });
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
    const pending = await make.post(debate, { author, body: 'Seen by nobody' });

    await moveTo(pending.id, 'deleted', moderator);
    await moveTo(published.id, 'deleted', moderator);
    await api(moderator).get(`/api/posts/${pending.id}`).expect(404);
    const tombstone = (await api().get(`/api/posts/${published.id}`).expect(200)).body;
    expect(tombstone).toMatchObject({ status: 'deleted', body: '', author: null });
    expect((await reload(debate)).postCount).toBe(0);
  });

  it('holds a new post that a screen holds, as pending', async () => {
    const debate = await make.debate();
    const held = await make.post(debate, { body: 'Please HOLD-ME for review' });
    expect(held.status).toBe('pending');
    expect((await reload(debate)).postCount).toBe(0);
  });

  it('hides a published post whose edit a screen holds, before the new words reach anyone else', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const published = await make.post(debate, { author, body: 'Harmless' });
    const guest = await connect({ join: debate.id });
    const guestSaw = record(guest, 'post.updated', 'post.hidden');
    const authorSocket = await connect({ user: author, join: debate.id });
    const authorSaw = nextEvent<WireEvent>(authorSocket, 'post.updated');

    const edited = await api(author).patch(`/api/posts/${published.id}`).send({ body: 'Now HOLD-ME' }).expect(200);
    expect(edited.body).toMatchObject({ status: 'hidden', body: 'Now HOLD-ME' });
    expect((await authorSaw).data).toMatchObject({ status: 'hidden', body: 'Now HOLD-ME' });
    // A later public event: by the time it arrives, anything the guest was sent has arrived before it.
    const marker = nextEvent(guest, 'post.created');
    await make.post(debate, { body: 'Later' });
    await marker;
    expect(guestSaw.map((event) => [event.type, event.data])).toEqual([['post.hidden', { id: published.id }]]);
  });

  it('refuses in pipeline order: a locked debate (423) before a later screen (422), which keeps the draft', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const send = () => api(author).post(`/api/debates/${debate.id}/posts`).send({ body: 'REFUSE-ME' });
    const refused = await send().expect(422);
    expect(refused.body).toMatchObject({ code: 'watched_word', draft: { body: 'REFUSE-ME' } });
    const moderator = await make.user({ role: 'moderator' });
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ status: 'locked' }).expect(200);
    await send().expect(423);
    expect((await reload(debate)).postCount).toBe(0);
  });

  describe('a change between reading and writing a post', () => {
    it('refuses the post with 423 when the debate is locked in between, and counts nothing', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      meanwhile = () => api(moderator).patch(`/api/debates/${debate.id}`).send({ status: 'locked' }).expect(200);
      const refused = await api(await make.user())
        .post(`/api/debates/${debate.id}/posts`)
        .send({ body: 'Just in time? CHANGE-MEANWHILE', stance: 'pro' })
        .expect(423);
      expect(refused.body).toMatchObject({ code: 'debate_locked', draft: { body: 'Just in time? CHANGE-MEANWHILE' } });
      expect(await reload(debate)).toMatchObject({ postCount: 0, stanceCounts: { pro: 0 } });
      expect((await api().get(`/api/debates/${debate.id}/posts`).expect(200)).body.items).toEqual([]);
    });

    it('refuses a reply with 404 when its parent is hidden from the writer in between, and counts nothing', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      const parent = await make.post(debate, { body: 'About to be hidden' });
      meanwhile = () => make.setStatus(parent, 'hidden', moderator);
      await api(await make.user())
        .post(`/api/debates/${debate.id}/posts`)
        .send({ body: 'A reply CHANGE-MEANWHILE', parentId: parent.id, relation: 'supports' })
        .expect(404);
      expect(await reload(debate)).toMatchObject({ postCount: 0 });
      expect((await api(moderator).get(`/api/posts/${parent.id}`).expect(200)).body).toMatchObject({
        status: 'hidden',
        replyCount: 0,
        supportCount: 0,
      });
    });

    it('writes the post once when a change in between still allows it (slow mode, no earlier post of the author)', async () => {
      const debate = await make.debate();
      const moderator = await make.user({ role: 'moderator' });
      const guest = await connect({ join: debate.id });
      const seen = record(guest, 'post.created');
      const updated = nextEvent(guest, 'debate.updated');
      meanwhile = () => api(moderator).patch(`/api/debates/${debate.id}`).send({ slowModeSeconds: 30 }).expect(200);
      const post = await make.post(debate, { body: 'Still welcome CHANGE-MEANWHILE', stance: 'contra' });
      await updated;
      const marker = nextEvent<WireEvent>(guest, 'post.created', (event) => event.data.id !== post.id);
      await make.post(debate, { body: 'Another voice', author: moderator });
      await marker;
      expect(seen.filter((event) => event.data.id === post.id)).toHaveLength(1);
      expect(await reload(debate)).toMatchObject({ postCount: 2, stanceCounts: { contra: 1 } });
    });
  });
});
