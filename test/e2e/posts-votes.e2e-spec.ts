import { randomUUID } from 'node:crypto';
import { useTestApp } from '../support/app';

describe('posts: votes', () => {
  const { make, api, sql } = useTestApp();

  it('takes one changeable vote per person, 0 withdraws', async () => {
    const debate = await make.debate();
    const post = await make.post(debate, { body: 'Vote on me' });
    const voter = await make.user();
    expect(await make.vote(post, voter, 1)).toEqual({ score: 1, myVote: 1 });
    expect(await make.vote(post, voter, 1)).toEqual({ score: 1, myVote: 1 });
    expect(await make.vote(post, voter, -1)).toEqual({ score: -1, myVote: -1 });
    expect(await make.vote(post, voter, 0)).toEqual({ score: 0, myVote: 0 });
    await make.vote(post, voter, 1);
    const listed = await api(voter).get(`/api/debates/${debate.id}/posts`).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: post.id, score: 1, myVote: 1 });
  });

  it("counts an author's vote on their own post like any other", async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author, body: 'I agree with myself' });
    expect(await make.vote(post, author, 1)).toEqual({ score: 1, myVote: 1 });
    await make.vote(post, await make.user(), 1);
    expect((await api(author).get(`/api/posts/${post.id}`)).body).toMatchObject({ score: 2, myVote: 1 });
    expect(await make.vote(post, author, 0)).toEqual({ score: 1, myVote: 0 });
  });

  it('refuses bad values (400), guests (401) and unknown posts (404)', async () => {
    const debate = await make.debate();
    const post = await make.post(debate, { body: 'Vote on me' });
    const voter = await make.user();
    for (const value of [2, -2, '1', null, 0.5]) {
      await api(voter).put(`/api/posts/${post.id}/vote`).send({ value }).expect(400);
    }
    await api().put(`/api/posts/${post.id}/vote`).send({ value: 1 }).expect(401);
    await api(voter).put(`/api/posts/${randomUUID()}/vote`).send({ value: 1 }).expect(404);
    expect((await api().get(`/api/posts/${post.id}`)).body.score).toBe(0);
  });

  it('takes no vote on a post that is not visible: 409 to whom it shows, 404 to others, nothing written', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const post = await make.post(debate, { author, body: 'Soon hidden' });
    await sql(`UPDATE posts SET status = 'hidden' WHERE id = $1`, [post.id]);
    await api(author).put(`/api/posts/${post.id}/vote`).send({ value: 1 }).expect(409);
    await api(await make.user({ role: 'moderator' }))
      .put(`/api/posts/${post.id}/vote`)
      .send({ value: 1 })
      .expect(409);
    await api(await make.user())
      .put(`/api/posts/${post.id}/vote`)
      .send({ value: -1 })
      .expect(404);
    const [row] = await sql<{ score: number; votes: string; events: string }>(
      `SELECT score, (SELECT count(*) FROM votes WHERE post_id = $1) AS votes,
              (SELECT count(*) FROM events WHERE type = 'post.voted' AND payload->>'id' = $1::text) AS events
         FROM posts WHERE id = $1`,
      [post.id],
    );
    expect(row).toEqual({ score: 0, votes: '0', events: '0' });
  });

  it('keeps an exact score under parallel votes', async () => {
    const debate = await make.debate();
    const post = await make.post(debate, { body: 'Popular' });
    const voters = await Promise.all(Array.from({ length: 16 }, () => make.user()));
    await Promise.all(voters.map((voter, i) => make.vote(post, voter, i % 4 === 0 ? -1 : 1)));
    expect((await api().get(`/api/posts/${post.id}`)).body.score).toBe(12 - 4);
  });

  it("counts one person's parallel votes once each: the score is the vote that stands, one event per change", async () => {
    const debate = await make.debate();
    const post = await make.post(debate, { body: 'Clicked in a hurry' });
    const voter = await make.user();
    const values = [1, 1, 1, -1, -1, 1, 0, 1, 1, -1, 0, 0, 1] as const;
    await Promise.all(values.map((value) => make.vote(post, voter, value)));
    const [vote] = await sql<{ value: number }>('SELECT value FROM votes WHERE post_id = $1', [post.id]);
    const standing = vote?.value ?? 0;
    expect((await api().get(`/api/posts/${post.id}`).expect(200)).body.score).toBe(standing);
    // Each event carries the score after its change: in seq order they end at the score that stands, and no
    // score ever leaves what one person can give.
    const events = await sql<{ payload: { score: number } }>(
      `SELECT payload FROM events WHERE stream = $1 AND type = 'post.voted' ORDER BY seq`,
      [`debate:${debate.id}`],
    );
    expect(events.at(-1)?.payload.score ?? 0).toBe(standing);
    expect(events.every((event) => [-1, 0, 1].includes(event.payload.score))).toBe(true);
  });
});
