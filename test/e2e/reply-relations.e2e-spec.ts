import { useTestApp } from '../support/app';
import { bodyOf, TestPost } from '../support/make';
import { nextEvent, WireEvent } from '../support/sockets';

/** Replies that say whether they support or challenge what they answer, and the counts on the post they answer. */
describe('reply relations', () => {
  const { make, api, connect } = useTestApp();

  const counts = async (post: { id: string }) => {
    const { supportCount, challengeCount } = bodyOf<TestPost>(await api().get(`/api/posts/${post.id}`), 200);
    return { supportCount, challengeCount };
  };

  it('keeps the relation a reply declares, and null when it declares none', async () => {
    const debate = await make.debate();
    const claim = await make.post(debate, { stance: 'pro' });
    expect(claim).toMatchObject({ relation: null, supportCount: 0, challengeCount: 0 });
    const support = await make.reply(claim, { relation: 'supports' });
    const plain = await make.reply(claim);
    expect(support.relation).toBe('supports');
    expect(plain.relation).toBeNull();
    expect(bodyOf<TestPost>(await api().get(`/api/posts/${support.id}`), 200).relation).toBe('supports');
  });

  it('refuses a relation on a top-level post, and one it does not know, keeping the draft', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const topLevel = await api(author)
      .post(`/api/debates/${debate.id}/posts`)
      .send({ body: 'A claim', relation: 'supports' })
      .expect(400);
    expect(topLevel.body).toMatchObject({ code: 'invalid_input', draft: { body: 'A claim', relation: 'supports' } });
    expect(topLevel.body.message).toMatch(/relation is for replies only/);
    const claim = await make.post(debate);
    const unknown = await api(author)
      .post(`/api/debates/${debate.id}/posts`)
      .send({ body: 'A reply', parentId: claim.id, relation: 'agrees' })
      .expect(400);
    expect(unknown.body.message).toEqual(['relation must be supports or challenges']);
  });

  it('counts visible direct replies by relation on the post they answer, live', async () => {
    const debate = await make.debate();
    const claim = await make.post(debate, { stance: 'contra' });
    const reader = await connect({ join: debate.id });
    const announced = nextEvent<WireEvent>(reader, 'post.created');
    await make.reply(claim, { relation: 'supports' });
    expect((await announced).data).toMatchObject({ relation: 'supports', parentId: claim.id });
    await make.reply(claim, { relation: 'supports' });
    const challenge = await make.reply(claim, { relation: 'challenges' });
    await make.reply(claim);
    // A reply to a reply counts on its own parent, not on the claim.
    await make.reply(challenge, { relation: 'challenges' });
    expect(await counts(claim)).toEqual({ supportCount: 2, challengeCount: 1 });
    expect(await counts(challenge)).toEqual({ supportCount: 0, challengeCount: 1 });
    const [listed] = bodyOf<{ items: TestPost[] }>(await api().get(`/api/debates/${debate.id}/posts`), 200).items;
    expect(listed).toMatchObject({ supportCount: 2, challengeCount: 1, replyCount: 4 });
  });

  it('stops counting a reply once it is deleted or hidden, and counts it again when restored', async () => {
    const debate = await make.debate();
    const claim = await make.post(debate);
    const author = await make.user();
    const moderator = await make.user({ role: 'moderator' });
    const support = await make.reply(claim, { relation: 'supports', author });
    const challenge = await make.reply(claim, { relation: 'challenges' });
    await api(author).delete(`/api/posts/${support.id}`).expect(204);
    expect(await counts(claim)).toEqual({ supportCount: 0, challengeCount: 1 });
    const tombstone = bodyOf<TestPost>(await api().get(`/api/posts/${support.id}`), 200);
    expect(tombstone.relation).toBeNull();
    await make.setStatus(challenge, 'hidden', moderator);
    expect(await counts(claim)).toEqual({ supportCount: 0, challengeCount: 0 });
    await make.setStatus(challenge, 'visible', moderator);
    expect(await counts(claim)).toEqual({ supportCount: 0, challengeCount: 1 });
  });

  it('counts a held reply only once it is approved', async () => {
    const debate = await make.debate({ premoderated: true });
    const moderator = await make.user({ role: 'moderator' });
    const claim = await make.post(debate, { author: moderator });
    const pending = await make.reply(claim, { relation: 'challenges' });
    expect(pending.status).toBe('pending');
    expect(await counts(claim)).toEqual({ supportCount: 0, challengeCount: 0 });
    await make.setStatus(pending, 'visible', moderator);
    expect(await counts(claim)).toEqual({ supportCount: 0, challengeCount: 1 });
  });
});
