import { useTestApp } from '../support/app';
import { idsOf } from '../support/make';

describe('posts: visibility and pending posts', () => {
  const { make, api, reload, sql } = useTestApp();

  it('holds posts in a pre-moderated debate as pending: seen by the author and moderators only', async () => {
    const debate = await make.debate({ premoderated: true });
    const [author, moderator] = [await make.user(), await make.user({ role: 'moderator' })];
    const post = await make.post(debate, { author, body: 'Waiting', stance: 'pro' });
    expect(post.status).toBe('pending');
    await api(author).get(`/api/posts/${post.id}`).expect(200);
    await api(moderator).get(`/api/posts/${post.id}`).expect(200);
    await api(await make.user())
      .get(`/api/posts/${post.id}`)
      .expect(404);
    await api().get(`/api/posts/${post.id}`).expect(404);
    const guestList = await api().get(`/api/debates/${debate.id}/posts`).expect(200);
    expect(guestList.body.items).toEqual([]);
    const authorList = await api(author).get(`/api/debates/${debate.id}/posts`).expect(200);
    expect(idsOf(authorList.body.items)).toEqual([post.id]);
    expect(await reload(debate)).toMatchObject({
      postCount: 0,
      stanceCounts: { pro: 0, contra: 0, neutral: 0 },
    });
  });

  it('leaves lastActivityAt alone for a pending post', async () => {
    const debate = await make.debate({ premoderated: true });
    const before = await reload(debate);
    await make.post(debate, { body: 'Waiting', stance: 'pro' });
    expect((await reload(debate)).lastActivityAt).toBe(before.lastActivityAt);
  });

  it('refuses a reply to a post that is not visible (own pending post, hidden post) with 409', async () => {
    const debate = await make.debate({ premoderated: true });
    const author = await make.user();
    const pending = await make.post(debate, { author, body: 'Waiting' });
    const refused = await api(author)
      .post(`/api/debates/${debate.id}/posts`)
      .send({ body: 'Me too', parentId: pending.id })
      .expect(409);
    expect(refused.body.message).toMatch(/waiting for review/);
    expect(refused.body.draft).toMatchObject({ body: 'Me too', parentId: pending.id });
    const moderator = await make.user({ role: 'moderator' });
    const shown = await make.post(debate, { author: moderator, body: 'Visible' });
    await make.hide(shown);
    const hidden = await api(moderator)
      .post(`/api/debates/${debate.id}/posts`)
      .send({ body: 'Under it', parentId: shown.id })
      .expect(409);
    expect(hidden.body.message).toMatch(/hidden/);
    const [{ count }] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM posts WHERE debate_id = $1`, [
      debate.id,
    ]);
    expect(count).toBe(2);
  });

  it('withdraws a deleted pending post: no tombstone, counts and replyCount unchanged', async () => {
    const debate = await make.debate();
    const moderator = await make.user({ role: 'moderator' });
    const top = await make.post(debate, { author: moderator, body: 'Published', stance: 'pro' });
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ premoderated: true }).expect(200);
    const author = await make.user();
    const reply = await make.reply(top, { author, body: 'Waiting' });
    const pendingTop = await make.post(debate, { author, body: 'Also waiting', stance: 'contra' });
    const before = await reload(debate);
    await api(author).delete(`/api/posts/${reply.id}`).expect(204);
    await api(author).delete(`/api/posts/${pendingTop.id}`).expect(204);
    for (const id of [reply.id, pendingTop.id]) await api().get(`/api/posts/${id}`).expect(404);
    expect((await api().get(`/api/posts/${top.id}`)).body.replyCount).toBe(0);
    const listed = await api().get(`/api/debates/${debate.id}/posts`).expect(200);
    expect(idsOf(listed.body.items)).toEqual([top.id]);
    const tree = await api().get(`/api/debates/${debate.id}/tree`).expect(200);
    expect(tree.body.items).toEqual([expect.objectContaining({ id: top.id, replies: [] })]);
    expect(await reload(debate)).toEqual(before);
  });
});
