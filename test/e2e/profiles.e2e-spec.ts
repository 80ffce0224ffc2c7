import { useTestApp } from '../support/app';
import { bodyOf, TestPost, uniqueName } from '../support/make';

/** People as others see them: profile, posts across debates, stances, and @-name suggestions. */
describe('profiles', () => {
  const { make, api } = useTestApp();

  it('shows when a person joined, how much they posted and the stance they take in each debate', async () => {
    const person = await make.user({ username: uniqueName('Ada') });
    const [first, second] = [await make.debate(), await make.debate()];
    await make.post(first, { author: person, stance: 'pro' });
    await make.post(first, { author: person, stance: 'contra', body: 'I changed my mind.' });
    const other = await make.post(second, { stance: 'neutral' });
    await make.reply(other, { author: person });
    const hidden = await make.post(second, { author: person, stance: 'pro' });
    await make.hide(hidden);
    const profile = bodyOf<Record<string, unknown>>(
      await api().get(`/api/users/by-name/${person.username.toUpperCase()}`),
      200,
    );
    expect(profile).toEqual({
      id: person.id,
      username: person.username,
      displayName: person.displayName,
      role: 'participant',
      createdAt: expect.any(String),
      postCount: 3,
      stances: [{ debate: { id: first.id, question: first.question, i18n: null }, stance: 'contra' }],
    });
    await api()
      .get(`/api/users/by-name/${uniqueName('nobody')}`)
      .expect(404);
  });

  it("lists a person's visible posts newest first, with their debates, page by page", async () => {
    const person = await make.user();
    const [first, second] = [await make.debate(), await make.debate()];
    const a = await make.post(first, { author: person, body: 'First' });
    const b = await make.post(second, { author: person, body: 'Second' });
    const hidden = await make.post(second, { author: person, body: 'Hidden' });
    await make.hide(hidden);
    const c = await make.reply(a, { author: person, body: 'Third' });
    const page1 = bodyOf<{ items: (TestPost & { debate: { id: string } })[]; nextCursor: string }>(
      await api().get(`/api/users/by-name/${person.username}/posts?limit=2`),
      200,
    );
    expect(page1.items.map((post) => [post.id, post.debate.id])).toEqual([
      [c.id, first.id],
      [b.id, second.id],
    ]);
    const page2 = bodyOf<{ items: TestPost[]; nextCursor: null }>(
      await api().get(`/api/users/by-name/${person.username}/posts?limit=2&cursor=${page1.nextCursor}`),
      200,
    );
    expect(page2).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    await api().get(`/api/users/by-name/${person.username}/posts?cursor=nope`).expect(400);
  });

  it('suggests usernames by prefix to signed-in people, shortest first', async () => {
    const prefix = uniqueName('sg').toLowerCase();
    const long = await make.user({ username: `${prefix}_longer` });
    const short = await make.user({ username: `${prefix}` });
    const me = await make.user();
    const { items } = bodyOf<{ items: { username: string }[] }>(
      await api(me).get(`/api/users/suggest?prefix=${prefix.toUpperCase()}`),
      200,
    );
    expect(items).toEqual([
      { id: short.id, username: short.username, displayName: short.displayName },
      { id: long.id, username: long.username, displayName: long.displayName },
    ]);
    // `_` is no wildcard: a prefix ending in it matches only names that have it there.
    expect(bodyOf<{ items: unknown[] }>(await api(me).get(`/api/users/suggest?prefix=${prefix}_`), 200).items).toEqual([
      expect.objectContaining({ id: long.id }),
    ]);
    await api(me).get('/api/users/suggest?prefix=a%25b').expect(400);
    await api().get(`/api/users/suggest?prefix=${prefix}`).expect(401);
  });
});
