import { useTestApp } from '../support/app';
import { bodyOf, TestPost, uniqueName } from '../support/make';

interface SearchResults {
  items: { post: TestPost; snippet: string }[];
  debates: { debate: { id: string; question: string }; snippet: string }[];
  nextCursor: string | null;
  order: 'rank' | 'new';
}

/** Full-text search in German and English, ranked, highlighted, filtered, paged, and never past what one may see. */
describe('search', () => {
  const { make, api, sql } = useTestApp();

  /** A word no other test writes, so each test sees only its own posts. */
  const marker = () => uniqueName('zq').replace('_', '');

  const search = async (query: Record<string, string>, as?: Parameters<typeof api>[0]) =>
    bodyOf<SearchResults>(await api(as).get('/api/search').query(query), 200);

  it('finds inflected German and English forms', async () => {
    const debate = await make.debate();
    const tag = marker();
    const german = await make.post(debate, { body: `${tag} Die Wahl wurde durch gefälschte Videos beeinflusst.` });
    const english = await make.post(debate, { body: `${tag} The election was swayed by a fake clip.` });
    expect((await search({ q: `Wahlen ${tag}` })).items.map((hit) => hit.post.id)).toEqual([german.id]);
    expect((await search({ q: `elections ${tag}` })).items.map((hit) => hit.post.id)).toEqual([english.id]);
    expect((await search({ q: `gefälschten ${tag}` })).items.map((hit) => hit.post.id)).toEqual([german.id]);
  });

  it('ranks closer matches first and highlights them in an escaped snippet', async () => {
    const debate = await make.debate();
    const tag = marker();
    const once = await make.post(debate, {
      body: `${tag} watermark <script>alert(1)</script> and a lot of other words here`,
    });
    const twice = await make.post(debate, { body: `${tag} watermarks, watermarks` });
    const { items } = await search({ q: `${tag} watermark` });
    expect(items.map((hit) => hit.post.id)).toEqual([twice.id, once.id]);
    const snippet = items.find((hit) => hit.post.id === once.id)!.snippet;
    expect(snippet).toContain('<mark>watermark</mark>');
    expect(snippet).not.toContain('<script>');
    expect(items[0].post).toMatchObject({ body: `${tag} watermarks, watermarks`, author: expect.any(Object) });
  });

  it('filters by debate and by stance', async () => {
    const tag = marker();
    const [first, second] = [await make.debate(), await make.debate()];
    const pro = await make.post(first, { body: `${tag} Kennzeichnung hilft`, stance: 'pro' });
    const contra = await make.post(first, { body: `${tag} Kennzeichnung hilft nicht`, stance: 'contra' });
    const elsewhere = await make.post(second, { body: `${tag} Kennzeichnung überall` });
    const ids = async (query: Record<string, string>) =>
      (await search({ q: tag, ...query })).items.map((hit) => hit.post.id).sort();
    expect(await ids({})).toEqual([pro.id, contra.id, elsewhere.id].sort());
    expect(await ids({ debateId: first.id })).toEqual([pro.id, contra.id].sort());
    expect(await ids({ debateId: first.id, stance: 'contra' })).toEqual([contra.id]);
    await api().get('/api/search').query({ q: tag, stance: 'maybe' }).expect(400);
    await api().get('/api/search').query({ q: tag, debateId: 'x' }).expect(400);
    await api().get('/api/search').query({ q: tag, debateId: '7d1f2b8e-0000-4000-8000-000000000000' }).expect(404);
  });

  it('pages through every match exactly once, best first', async () => {
    const debate = await make.debate();
    const tag = marker();
    const posts: TestPost[] = [];
    for (let i = 0; i < 7; i++) posts.push(await make.post(debate, { body: `${tag} ${'deepfake '.repeat(i + 1)}` }));
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await search({ q: `${tag} deepfakes`, limit: '3', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((hit) => hit.post.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(posts.map((post) => post.id)));
    const whole = await search({ q: `${tag} deepfakes` });
    expect(seen).toEqual(whole.items.map((hit) => hit.post.id));
    await api().get('/api/search').query({ q: tag, cursor: 'garbage' }).expect(400);
  });

  it('lists a word found in over 1,000 posts newest first, and walks them all exactly once', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const tag = marker();
    await sql(
      `INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, created_at)
       SELECT g.id, g.id, g.id || '/', 0, $1, $2, $3 || ' common word ' || n, now() - n * interval '1 second'
       FROM generate_series(1, 1005) n CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, n AS m) g`,
      [debate.id, author.id, tag],
    );
    const first = await search({ q: tag, limit: '200' });
    expect(first.order).toBe('new');
    expect(first.items[0].post.body).toBe(`${tag} common word 1`);
    const seen = first.items.map((hit) => hit.post.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search({ q: tag, limit: '200', cursor });
      seen.push(...page.items.map((hit) => hit.post.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(1005);
    expect(new Set(seen).size).toBe(1005);
    expect((await search({ q: `${tag} "word 17"` })).order).toBe('rank');
  });

  it('never shows hidden posts, or pending ones to anyone but their author and the moderators', async () => {
    const tag = marker();
    const open = await make.debate();
    const held = await make.debate({ premoderated: true });
    const author = await make.user();
    const hidden = await make.post(open, { body: `${tag} hidden words` });
    await make.hide(hidden);
    const pending = await make.post(held, { author, body: `${tag} pending words` });
    const deleted = await make.post(open, { author, body: `${tag} deleted words` });
    await api(author).delete(`/api/posts/${deleted.id}`).expect(204);
    const visible = await make.post(open, { body: `${tag} visible words` });
    const ids = async (as?: Parameters<typeof api>[0]) =>
      (await search({ q: `${tag} words` }, as)).items.map((hit) => hit.post.id).sort();
    expect(await ids()).toEqual([visible.id]);
    expect(await ids(await make.user())).toEqual([visible.id]);
    expect(await ids(author)).toEqual([pending.id, visible.id].sort());
    expect(await ids(await make.user({ role: 'moderator' }))).toEqual([hidden.id, pending.id, visible.id].sort());
  });

  it('finds debate questions, in either of their languages', async () => {
    const tag = marker();
    const debate = await make.debate({ question: `Should ${tag} platforms label synthetic videos?` });
    const { debates } = await search({ q: `${tag} labels` });
    expect(debates).toEqual([
      { debate: expect.objectContaining({ id: debate.id }), snippet: expect.stringContaining(`<mark>${tag}</mark>`) },
    ]);
    expect((await search({ q: `${tag} labels`, stance: 'pro' })).debates).toEqual([]);
    const seeded = await search({ q: 'Wasserzeichen' });
    expect(seeded.debates.length).toBeGreaterThan(0);
  });

  it('answers 400 for a query too long or missing, and nothing for one of only punctuation or stop words', async () => {
    await api()
      .get('/api/search')
      .query({ q: 'x'.repeat(1000) })
      .expect(400);
    await api().get('/api/search').query({ q: '   ' }).expect(400);
    await api().get('/api/search').expect(400);
    // Words that are stop words in both languages; one that is a stop word in only one ("the") is still a word.
    for (const q of ['?!…', '"', '-', '&|!()', "'", 'in so was']) {
      expect(await search({ q })).toEqual({ items: [], debates: [], nextCursor: null, order: 'rank' });
    }
  });
});
