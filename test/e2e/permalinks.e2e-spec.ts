import { useTestApp } from '../support/app';
import { bodyOf, idsOf, TestPost } from '../support/make';

interface Context {
  ancestors: TestPost[];
  post: TestPost & { replies: (TestPost & { replies: unknown[] })[] };
}

/** A post's permalink: its ancestors and its whole subtree, or a clear answer when it cannot be shown. */
describe('permalinks', () => {
  const { make, api } = useTestApp();

  it('loads a deep reply with every post above it and every reply below it', async () => {
    const debate = await make.debate();
    const chain: TestPost[] = [await make.post(debate)];
    for (let depth = 1; depth <= 12; depth++) chain.push(await make.reply(chain[depth - 1]));
    const target = chain[8];
    const context = bodyOf<Context>(await api().get(`/api/posts/${target.id}/context`), 200);
    expect(idsOf(context.ancestors)).toEqual(idsOf(chain.slice(0, 8)));
    let node = context.post;
    const below: string[] = [];
    while (node.replies.length > 0) {
      node = node.replies[0] as Context['post'];
      below.push(node.id);
    }
    expect(context.post.id).toBe(target.id);
    expect(below).toEqual(idsOf(chain.slice(9)));
  });

  it('shows a deleted post as a tombstone in place, and 404 for a post hidden or under a hidden one', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const root = await make.post(debate);
    const deleted = await make.reply(root, { author });
    const reply = await make.reply(deleted);
    await api(author).delete(`/api/posts/${deleted.id}`).expect(204);
    const context = bodyOf<Context>(await api().get(`/api/posts/${deleted.id}/context`), 200);
    expect(context.post).toMatchObject({ status: 'deleted', body: '', author: null });
    expect(idsOf(context.post.replies)).toEqual([reply.id]);

    const hidden = await make.reply(root);
    const under = await make.reply(hidden);
    await make.hide(hidden);
    await api().get(`/api/posts/${hidden.id}/context`).expect(404);
    await api().get(`/api/posts/${under.id}/context`).expect(404);
    const moderator = await make.user({ role: 'moderator' });
    const seen = bodyOf<Context>(await api(moderator).get(`/api/posts/${under.id}/context`), 200);
    expect(idsOf(seen.ancestors)).toEqual([root.id, hidden.id]);
    await api().get('/api/posts/not-a-uuid/context').expect(400);
  });
});
