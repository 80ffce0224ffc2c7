import { useTestApp } from '../support/app';
import type { TestUser } from '../support/make';
import { moderationHelpers } from '../support/moderation';
import { nextEvent, request, WireEvent } from '../support/sockets';

/** Authors hear of the moderators' decisions on their posts, live and in their notifications, never who decided. */
describe('moderation outcomes told to authors', () => {
  const { app, make, api, connect } = useTestApp();
  const mod = () => moderationHelpers(app(), make);

  async function ownStream(user: TestUser) {
    const socket = await connect({ user });
    expect((await request(socket, 'user:join', {})).ok).toBe(true);
    return socket;
  }

  async function outcomes(user: TestUser): Promise<string[]> {
    const page = await api(user).get('/api/notifications').expect(200);
    return page.body.items
      .filter((item: { kind: string }) => item.kind === 'moderation')
      .map((item: { outcome: string; actor: unknown }) => {
        expect(item.actor).toBeNull();
        return item.outcome;
      });
  }

  it('tells the author live, without naming the moderator, when their post is hidden, labelled and restored', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const { author, post } = await mod().postedDebate('The senator said it, here is the clip.');
    const stream = await ownStream(author);

    const hidden = nextEvent<WireEvent>(stream, 'notification.created');
    await mod().act(moderator, post.id, { action: 'hide', reason: 'The clip is doctored.' }).expect(200);
    expect((await hidden).data).toMatchObject({ kind: 'moderation', postId: post.id, actor: null, outcome: 'hidden' });

    await api(moderator)
      .put(`/api/moderation/posts/${post.id}/label`)
      .send({ kind: 'manipulated_media', note: 'Edited footage.', reason: 'Evidence attached.' })
      .expect(200);
    await mod().act(moderator, post.id, { action: 'restore', reason: 'Labelled instead.' }).expect(200);
    expect(await outcomes(author)).toEqual(['restored', 'labelled', 'hidden']);
  });

  it('tells the author when enough people flag their post to hide it', async () => {
    const { author, post } = await mod().postedDebate();
    const stream = await ownStream(author);
    const told = nextEvent<WireEvent>(stream, 'notification.created');
    await mod().flaggedBy(3, post.id);
    expect((await told).data).toMatchObject({ kind: 'moderation', postId: post.id, outcome: 'hidden' });
  });

  it('tells the author how their appeal was decided', async () => {
    const [moderator, other] = [await make.user({ role: 'moderator' }), await make.user({ role: 'moderator' })];
    const { author, post } = await mod().postedDebate();
    await mod().act(moderator, post.id, { action: 'hide', reason: 'Off topic.' }).expect(200);
    const appeal = await api(author)
      .post('/api/appeals')
      .send({ targetType: 'post', targetId: post.id, message: 'It is on topic.' })
      .expect(201);
    await api(other)
      .post(`/api/appeals/${appeal.body.id}/decision`)
      .send({ decision: 'reverse', reason: 'It is on topic.' })
      .expect(200);
    expect(await outcomes(author)).toEqual(['appeal_reversed', 'hidden']);
  });

  it('tells nothing to an author who turned moderation notices off', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const { author, post } = await mod().postedDebate();
    await api(author).patch('/api/notifications/settings').send({ moderation: false }).expect(200);
    await mod().act(moderator, post.id, { action: 'hide', reason: 'Spam.' }).expect(200);
    expect(await outcomes(author)).toEqual([]);
  });
});
