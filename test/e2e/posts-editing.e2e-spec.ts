import { useTestApp } from '../support/app';

describe('posts: edits, revisions and deletion', () => {
  const { make, api, reload } = useTestApp();

  it('keeps the previous body as a revision', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author, body: 'First words' });
    const edited = await api(author).patch(`/api/posts/${post.id}`).send({ body: 'Second words' }).expect(200);
    expect(edited.body).toMatchObject({ body: 'Second words', editedAt: expect.any(String), mine: true });
    const revisions = await api().get(`/api/posts/${post.id}/revisions`).expect(200);
    expect(revisions.body.items).toEqual([{ body: 'First words', editedAt: expect.any(String), editorId: author.id }]);
  });

  it('pages revisions with limit and cursor, and refuses bad ones with 400', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author, body: 'Version 0' });
    for (let i = 1; i <= 5; i++) {
      await api(author)
        .patch(`/api/posts/${post.id}`)
        .send({ body: `Version ${i}` })
        .expect(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api().get(`/api/posts/${post.id}/revisions?${query}`).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((revision: { body: string }) => revision.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Version 0', 'Version 1', 'Version 2', 'Version 3', 'Version 4']);
    const all = await api().get(`/api/posts/${post.id}/revisions`).expect(200);
    expect(all.body).toMatchObject({ nextCursor: null });
    expect(all.body.items).toHaveLength(5);
    for (const query of ['limit=0', 'limit=201', 'limit=x', 'cursor=%%%', 'cursor=WyJ4Il0', 'cursor=WyJ4IiwieSJd']) {
      await api().get(`/api/posts/${post.id}/revisions?${query}`).expect(400);
    }
  });

  it('lets a moderator edit, and refuses others (403) and guests (401)', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author, body: 'Mine' });
    await api(await make.user())
      .patch(`/api/posts/${post.id}`)
      .send({ body: 'Theirs' })
      .expect(403);
    await api().patch(`/api/posts/${post.id}`).send({ body: 'Theirs' }).expect(401);
    await api(author).patch(`/api/posts/${post.id}`).send({ body: '  ' }).expect(400);
    const moderator = await make.user({ role: 'moderator' });
    await api(moderator).patch(`/api/posts/${post.id}`).send({ body: 'Fixed a link' }).expect(200);
    const revisions = await api().get(`/api/posts/${post.id}/revisions`).expect(200);
    expect(revisions.body.items).toEqual([expect.objectContaining({ body: 'Mine', editorId: moderator.id })]);
  });

  it('leaves a tombstone: body and author gone, replies in place and counted', async () => {
    const debate = await make.debate();
    const [author, replier] = [await make.user(), await make.user()];
    const top = await make.post(debate, { author, body: 'To be deleted', stance: 'contra' });
    const reply = await make.reply(top, { author: replier, body: 'A reply' });
    await api(replier).delete(`/api/posts/${top.id}`).expect(403);
    await api(author).delete(`/api/posts/${top.id}`).expect(204);
    const tombstone = await api().get(`/api/posts/${top.id}`).expect(200);
    expect(tombstone.body).toMatchObject({ status: 'deleted', body: '', author: null, replyCount: 1 });
    const tree = await api().get(`/api/debates/${debate.id}/tree`).expect(200);
    expect(tree.body.items[0]).toMatchObject({
      id: top.id,
      status: 'deleted',
      replies: [expect.objectContaining({ id: reply.id })],
    });
    expect(await reload(debate)).toMatchObject({
      postCount: 1,
      stanceCounts: { pro: 0, contra: 0, neutral: 0 },
    });
    // Its earlier words stay with the moderators.
    expect((await api().get(`/api/posts/${top.id}/revisions`)).body.items).toEqual([]);
    const moderator = await make.user({ role: 'moderator' });
    const revisions = await api(moderator).get(`/api/posts/${top.id}/revisions`).expect(200);
    expect(revisions.body.items[0].body).toBe('To be deleted');
    await api(author).patch(`/api/posts/${top.id}`).send({ body: 'Back' }).expect(409);
  });

  it('serialises a delete with parallel replies: each reply lands or meets the tombstone, never a 500', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const repliers = await Promise.all(Array.from({ length: 6 }, () => make.user()));
    let landedInAll = 0;
    // Several rounds, as the interleaving differs from one to the next.
    for (let round = 0; round < 6; round++) {
      const parent = await make.post(debate, { author, body: `Round ${round}` });
      const [deleted, ...replies] = await Promise.all([
        api(author).delete(`/api/posts/${parent.id}`),
        ...repliers.map((replier) =>
          api(replier).post(`/api/debates/${debate.id}/posts`).send({ body: 'Quick reply', parentId: parent.id }),
        ),
      ]);
      expect(deleted.status).toBe(204);
      expect(replies.map((reply) => reply.status).filter((status) => status !== 201 && status !== 409)).toEqual([]);
      const landed = replies.filter((reply) => reply.status === 201).length;
      landedInAll += landed;
      const tombstone = await api().get(`/api/posts/${parent.id}`).expect(200);
      expect(tombstone.body).toMatchObject({ status: 'deleted', replyCount: landed });
    }
    expect((await reload(debate)).postCount).toBe(landedInAll);
  });
});
