import { randomUUID } from 'node:crypto';
import { useTestApp } from '../support/app';
import { idsOf, TestPost } from '../support/make';

describe('posts: lists, sorts and the tree', () => {
  const { make, api, sql } = useTestApp();

  /** A debate with `count` top-level posts, oldest first, by three authors in turn. */
  async function seedThread(count: number) {
    const debate = await make.debate();
    const authors = await Promise.all([make.user(), make.user(), make.user()]);
    const posts: TestPost[] = [];
    for (let i = 0; i < count; i++) posts.push(await make.post(debate, { author: authors[i % 3], body: `Post ${i}` }));
    return { debate, posts, ids: idsOf(posts), authors };
  }

  /** A chain of `length` posts, each replying to the one before. */
  async function seedChain(length: number) {
    const debate = await make.debate();
    const author = await make.user();
    const chain = [await make.post(debate, { author, body: 'Depth 0' })];
    for (let depth = 1; depth < length; depth++) {
      chain.push(await make.reply(chain[depth - 1], { author, body: `Depth ${depth}` }));
    }
    return { debate, chain: idsOf(chain) };
  }

  it.each(['top', 'new', 'old', 'common-ground'])(
    'walks %s pages, every post once, even while posts arrive',
    async (sort) => {
      const { debate, ids, authors } = await seedThread(12);
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      do {
        const query: string = `sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await api().get(`/api/debates/${debate.id}/posts?${query}`).expect(200);
        seen.push(...idsOf(response.body.items));
        cursor = response.body.nextCursor;
        if (page++ === 0) await make.post(debate, { author: authors[0], body: 'Arrived mid-walk' });
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of ids) expect(seen).toContain(id);
    },
  );

  it('orders new, old and top as named', async () => {
    const { debate, posts, ids, authors } = await seedThread(3);
    await make.vote(posts[1], authors[0]);
    const list = async (sort: string) =>
      idsOf((await api().get(`/api/debates/${debate.id}/posts?sort=${sort}`).expect(200)).body.items);
    expect(await list('new')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await list('old')).toEqual(ids);
    expect(await list('top')).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('lists one level: replies of a parent, and 404 for a parent in another debate', async () => {
    const { debate, posts, ids, authors } = await seedThread(2);
    const reply = await make.reply(posts[0], { author: authors[1], body: 'Reply' });
    const top = await api().get(`/api/debates/${debate.id}/posts?sort=old`).expect(200);
    expect(idsOf(top.body.items)).toEqual(ids);
    const replies = await api().get(`/api/debates/${debate.id}/posts?parentId=${ids[0]}`).expect(200);
    expect(replies.body).toEqual({
      items: [expect.objectContaining({ id: reply.id, parentId: ids[0], depth: 1 })],
      nextCursor: null,
    });
    const other = await make.debate();
    await api().get(`/api/debates/${other.id}/posts?parentId=${ids[0]}`).expect(404);
  });

  it('refuses bad list parameters with 400 and unknown debates with 404', async () => {
    const { debate } = await seedThread(1);
    // The last two decode to the right types but hold no date and no id.
    const queries = ['sort=hot', 'limit=0', 'limit=201', 'cursor=%%%', 'cursor=WyJ4Il0', 'parentId=1'];
    for (const query of [...queries, 'sort=new&cursor=WyJ4IiwieSJd', 'sort=top&cursor=WzEsIngiLCJ5Il0']) {
      await api().get(`/api/debates/${debate.id}/posts?${query}`).expect(400);
    }
    await api().get(`/api/debates/${randomUUID()}/posts`).expect(404);
    await api().get(`/api/debates/${randomUUID()}/tree`).expect(404);
  });

  it('treats empty parentId, rootId and maxDepth as absent', async () => {
    const { debate, posts, ids, authors } = await seedThread(2);
    const reply = await make.reply(posts[0], { author: authors[1], body: 'Reply' });
    const list = await api().get(`/api/debates/${debate.id}/posts?parentId=&sort=old`).expect(200);
    expect(idsOf(list.body.items)).toEqual(ids);
    const tree = await api().get(`/api/debates/${debate.id}/tree?rootId=&maxDepth=`).expect(200);
    expect(tree.body.items[0]).toMatchObject({ id: ids[0], replies: [expect.objectContaining({ id: reply.id })] });
  });

  it("keeps a reply in the tree when it shares its parent's millisecond and sorts before it by id", async () => {
    const debate = await make.debate();
    const author = await make.user();
    const top = await make.post(debate, { author, body: 'Parent' });
    const reply = await make.reply(top, { author, body: 'Same instant' });
    const earlierId = `00000000-${randomUUID().slice(9)}`;
    // No route sets a post's id or time: the database is the only way to build this collision.
    await sql(
      `UPDATE posts SET id = $2::uuid, path = replace(path, $1::text, $2::text), created_at = $3 WHERE id = $1::uuid`,
      [reply.id, earlierId, top.createdAt],
    );
    const tree = await api().get(`/api/debates/${debate.id}/tree`).expect(200);
    expect(tree.body.items).toEqual([
      expect.objectContaining({ id: top.id, replies: [expect.objectContaining({ id: earlierId })] }),
    ]);
    const sub = await api().get(`/api/debates/${debate.id}/tree?rootId=${top.id}`).expect(200);
    expect(sub.body.replies).toEqual([expect.objectContaining({ id: earlierId })]);
  });

  it('stores a reply chain 100 deep and reads it back whole through /tree', async () => {
    const { debate, chain } = await seedChain(100);
    const whole = await api().get(`/api/debates/${debate.id}/tree`).expect(200);
    let node = whole.body.items[0];
    for (const [depth, id] of chain.entries()) {
      expect(node).toMatchObject({ id, depth });
      node = node.replies[0];
    }
    expect(node).toBeUndefined();
    const deep = await api().get(`/api/debates/${debate.id}/tree?rootId=${chain[90]}&maxDepth=5`).expect(200);
    let depthBelow = 0;
    for (let sub = deep.body; sub.replies.length > 0; sub = sub.replies[0]) depthBelow++;
    expect(deep.body.id).toBe(chain[90]);
    expect(depthBelow).toBe(5);
  });

  it('returns the tree nested, a subtree by rootId, and cuts it at maxDepth', async () => {
    const { debate, chain } = await seedChain(7);
    const whole = await api().get(`/api/debates/${debate.id}/tree`).expect(200);
    let node = whole.body.items[0];
    for (const id of chain) {
      expect(node.id).toBe(id);
      node = node.replies[0];
    }
    const sub = await api().get(`/api/debates/${debate.id}/tree?rootId=${chain[2]}&maxDepth=2`).expect(200);
    expect(sub.body.id).toBe(chain[2]);
    expect(sub.body.replies[0].id).toBe(chain[3]);
    expect(sub.body.replies[0].replies[0].id).toBe(chain[4]);
    expect(sub.body.replies[0].replies[0].replies).toEqual([]);
    await api().get(`/api/debates/${debate.id}/tree?maxDepth=-1`).expect(400);
    await api().get(`/api/debates/${debate.id}/tree?rootId=${randomUUID()}`).expect(404);
  });

  it('never shows a guest a page older than an event of the debate: new posts, votes, edits and hides all show', async () => {
    const debate = await make.debate();
    const [author, voter, moderator] = [await make.user(), await make.user(), await make.user({ role: 'moderator' })];
    const page = async () => (await api().get(`/api/debates/${debate.id}/posts?sort=top`).expect(200)).body.items;
    const first = await make.post(debate, { author, body: 'First' });
    expect((await page()).map((post: { body: string }) => post.body)).toEqual(['First']);
    expect((await page()).map((post: { body: string }) => post.body)).toEqual(['First']);

    const second = await make.post(debate, { author, body: 'Second' });
    expect((await page()).map((post: { id: string }) => post.id)).toEqual([second.id, first.id]);
    await make.vote(first, voter, 1);
    expect((await page())[0]).toMatchObject({ id: first.id, score: 1 });
    await api(author).patch(`/api/posts/${first.id}`).send({ body: 'First, edited' }).expect(200);
    expect((await page())[0]).toMatchObject({ body: 'First, edited' });
    await make.setStatus(first, 'hidden', moderator);
    expect((await page()).map((post: { id: string }) => post.id)).toEqual([second.id]);
  });

  it('answers a guest 404 for an unknown debate and an empty page for a debate without posts', async () => {
    await api().get(`/api/debates/${randomUUID()}/posts`).expect(404);
    const debate = await make.debate();
    expect((await api().get(`/api/debates/${debate.id}/posts`).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
