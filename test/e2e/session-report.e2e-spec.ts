import type { TestUser } from '../support/make';
import { sessionTestApp } from '../support/sessions';
import { request } from '../support/sockets';

describe('session report', () => {
  const env = sessionTestApp();

  /**
   * A scripted deliberative poll: five people answer the pre poll, four of them and one newcomer the post poll.
   * Before: A, A, B, B, C (ana, ben, cem, dora, emil). After: ana A→B, ben A→A, cem B→B, dora B→C; fred only after: A.
   */
  async function scripted() {
    const session = await env.sessions.live();
    const people = await Promise.all(Array.from({ length: 6 }, () => env.make.user()));
    const [ana, ben, cem, dora, emil, fred] = people;
    const options = ['Platforms', 'Creators', 'Nobody'];
    const pre = await env.sessions.poll(session, { kind: 'pre', options, question: 'Who is responsible?' });
    for (const [voter, choice] of [
      [ana, 0],
      [ben, 0],
      [cem, 1],
      [dora, 1],
      [emil, 2],
    ] as [TestUser, number][])
      await env.sessions.vote(pre, voter, choice).expect(200);
    await env.api(session.organiser).post(`/api/polls/${pre.id}/close`).expect(200);
    const post = await env.sessions.poll(session, {
      kind: 'post',
      options,
      pairedPollId: pre.id,
      question: 'And now?',
    });
    for (const [voter, choice] of [
      [ana, 1],
      [ben, 0],
      [cem, 1],
      [dora, 2],
      [fred, 0],
    ] as [TestUser, number][])
      await env.sessions.vote(post, voter, choice).expect(200);
    await env.api(session.organiser).post(`/api/polls/${post.id}/close`).expect(200);

    // Someone who only joined, someone who asked, posts by stance in the agenda's debate.
    const watcher = await env.make.user();
    const socket = await env.connect({ user: watcher });
    await request(socket, 'session:join', { code: session.code });
    socket.disconnect();
    const asker = await env.make.user();
    const question = await env.sessions.question(session, asker, 'Who pays for | checks, "really"?');
    await env.sessions.upvote(question, ana).expect(200);
    const [debateId] = session.debateIds;
    const writer = await env.make.user();
    const postBy = (user: TestUser, body: object) =>
      env.api(user).post(`/api/debates/${debateId}/posts`).send(body).expect(201);
    const top = (await postBy(writer, { body: '=Platforms must label.', stance: 'pro' })).body;
    await postBy(ben, { body: 'Creators know best.', stance: 'contra' });
    await postBy(cem, { body: 'Either way, label it.', parentId: top.id });
    await env.api(dora).put(`/api/posts/${top.id}/vote`).send({ value: 1 }).expect(200);
    await env.api(session.organiser).post(`/api/sessions/${session.id}/end`).expect(200);
    return { session, pre, post, people, top };
  }

  it('reports participants, posts by stance, polls, the opinion shift, questions and top posts', async () => {
    const { session, pre, post, top } = await scripted();
    const response = await env.api(session.organiser).get(`/api/sessions/${session.id}/report`).expect(200);
    const report = response.body;
    expect(report.session).toMatchObject({ id: session.id, status: 'ended' });
    // ana ben cem dora emil fred (voted), the watcher (joined), the asker, the writer.
    expect(report.participants).toBe(9);
    expect(report.posts).toEqual({ total: 3, byStance: { pro: 1, contra: 1, neutral: 0 } });
    expect(report.polls).toEqual([
      expect.objectContaining({ id: pre.id, kind: 'pre', counts: [2, 2, 1], total: 5 }),
      expect.objectContaining({ id: post.id, kind: 'post', counts: [2, 2, 1], total: 5, pairedPollId: pre.id }),
    ]);
    expect(report.shifts).toEqual([
      {
        prePollId: pre.id,
        postPollId: post.id,
        question: 'And now?',
        options: ['Platforms', 'Creators', 'Nobody'],
        matrix: [
          [1, 1, 0],
          [0, 1, 1],
          [0, 0, 0],
        ],
        paired: 4,
        changed: 2,
        net: [0, 0, 0],
        onlyBefore: 1,
        onlyAfter: 1,
      },
    ]);
    expect(report.questions).toEqual([
      expect.objectContaining({ body: 'Who pays for | checks, "really"?', upvotes: 1, state: 'open' }),
    ]);
    expect(report.topPosts[0]).toMatchObject({ id: top.id, score: 1 });
  });

  it('gives the same figures as CSV, one section per table, with a file name', async () => {
    const { session, pre, post } = await scripted();
    const response = await env.api(session.organiser).get(`/api/sessions/${session.id}/report?format=csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="?session-${session.code}-report\\.csv"?$`),
    );
    const csv = response.text;
    expect(csv).toContain('participants,9\r\n');
    expect(csv).toContain('\r\n\r\nOpinion shift per person (answered both)\r\n');
    expect(csv).toContain(`${pre.id},${post.id},Platforms,Creators,1\r\n`);
    expect(csv).toContain(`${pre.id},${post.id},4,2,1,1\r\n`);
    expect(csv).toContain('"Who pays for | checks, ""really""?"');
    expect(csv).toContain("'=Platforms must label.");
  });

  it('gives the same figures as Markdown', async () => {
    const { session, pre, post } = await scripted();
    const response = await env.api(session.organiser).get(`/api/sessions/${session.id}/report?format=md`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/markdown/);
    expect(response.headers['content-disposition']).toContain(`session-${session.code}-report.md`);
    expect(response.text).toContain('## Opinion shift per person (answered both)');
    expect(response.text).toContain(`| ${pre.id} | ${post.id} | Platforms | Creators | 1 |`);
    expect(response.text).toContain('| participants | 9 |');
    expect(response.text).toContain('Who pays for \\| checks');
  });

  it('is for its organiser and admins only, and refuses an unknown format', async () => {
    const session = await env.sessions.session();
    await env.api().get(`/api/sessions/${session.id}/report`).expect(401);
    await env
      .api(await env.make.user({ role: 'moderator' }))
      .get(`/api/sessions/${session.id}/report`)
      .expect(403);
    await env
      .api(await env.make.user({ role: 'admin' }))
      .get(`/api/sessions/${session.id}/report`)
      .expect(200);
    await env.api(session.organiser).get(`/api/sessions/${session.id}/report?format=pdf`).expect(400);
    const empty = await env.api(session.organiser).get(`/api/sessions/${session.id}/report`).expect(200);
    expect(empty.body).toMatchObject({ participants: 0, posts: { total: 0 }, polls: [], shifts: [], topPosts: [] });
  });
});
