import { randomUUID } from 'node:crypto';
import { sessionTestApp } from '../support/sessions';
import { nextEvent, WireEvent } from '../support/sockets';

describe('session polls', () => {
  const env = sessionTestApp();

  it('creates a draft that participants do not see until it opens', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session, {}, false);
    expect(poll).toMatchObject({ state: 'draft', counts: [0, 0, 0], total: 0, kind: 'quick', pairedPollId: null });
    const guest = await env.api().get(`/api/sessions/${session.id}/polls`).expect(200);
    expect(guest.body).toEqual({ items: [], nextCursor: null });
    await env.api().get(`/api/polls/${poll.id}`).expect(404);
    const organiser = await env.api(session.organiser).get(`/api/sessions/${session.id}/polls`);
    expect(organiser.body.items.map((p: { id: string }) => p.id)).toEqual([poll.id]);
  });

  it('pages the polls by a cursor: a draft opening during a walk moves nothing the walk has yet to give', async () => {
    const session = await env.sessions.live();
    const first = await env.sessions.poll(session, { question: 'one?' });
    const draft = await env.sessions.poll(session, { question: 'draft?' }, false);
    await env.sessions.poll(session, { question: 'two?' });
    await env.sessions.poll(session, { question: 'three?' });
    const reader = await env.make.user();
    const page = (cursor = '') =>
      env.api(reader).get(`/api/sessions/${session.id}/polls?limit=2&cursor=${cursor}`).expect(200);
    const one = await page();
    expect(one.body.items.map((p: { question: string }) => p.question)).toEqual(['one?', 'two?']);
    await env.api(session.organiser).post(`/api/polls/${draft.id}/open`).expect(200);
    const two = await page(one.body.nextCursor);
    expect(two.body).toEqual({ items: [expect.objectContaining({ question: 'three?' })], nextCursor: null });
    expect(first.state).toBe('open');
    await env.api().get(`/api/sessions/${session.id}/polls?cursor=WzJd`).expect(400);
  });

  it('opens and closes with poll.opened and poll.closed, each once', async () => {
    const session = await env.sessions.live();
    const socket = await env.watch(session);
    const draft = await env.sessions.poll(session, {}, false);
    const opened = nextEvent<WireEvent>(socket, 'poll.opened');
    await env.api(session.organiser).post(`/api/polls/${draft.id}/open`).expect(200);
    expect((await opened).data).toMatchObject({ id: draft.id, state: 'open', counts: [0, 0, 0] });
    await env.api(session.organiser).post(`/api/polls/${draft.id}/open`).expect(409);
    const closed = nextEvent<WireEvent>(socket, 'poll.closed');
    await env.api(session.organiser).post(`/api/polls/${draft.id}/close`).expect(200);
    expect((await closed).data).toMatchObject({ id: draft.id, state: 'closed' });
    await env.api(session.organiser).post(`/api/polls/${draft.id}/close`).expect(409);
    await env.api(session.organiser).post(`/api/polls/${draft.id}/open`).expect(409);
  });

  it('counts one vote per person, which moves while the poll is open', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session);
    const [ana, ben] = [await env.make.user(), await env.make.user()];
    expect((await env.sessions.vote(poll, ana, 0).expect(200)).body).toMatchObject({
      counts: [1, 0, 0],
      total: 1,
      myVote: 0,
    });
    await env.sessions.vote(poll, ben, 0).expect(200);
    expect((await env.sessions.vote(poll, ana, 2).expect(200)).body).toMatchObject({
      counts: [1, 0, 1],
      total: 2,
      myVote: 2,
    });
    expect((await env.sessions.vote(poll, ana, 2).expect(200)).body).toMatchObject({ counts: [1, 0, 1], total: 2 });
    const asBen = await env.api(ben).get(`/api/polls/${poll.id}`).expect(200);
    expect(asBen.body).toMatchObject({ counts: [1, 0, 1], total: 2, myVote: 0 });
    const asGuest = await env.api().get(`/api/polls/${poll.id}`).expect(200);
    expect(asGuest.body).not.toHaveProperty('myVote');
  });

  it('refuses a vote on a closed poll with 409 and keeps the counts', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session);
    const voter = await env.make.user();
    await env.sessions.vote(poll, voter, 1).expect(200);
    await env.api(session.organiser).post(`/api/polls/${poll.id}/close`).expect(200);
    const refused = await env.sessions.vote(poll, voter, 0).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'poll_not_open' });
    expect((await env.api().get(`/api/polls/${poll.id}`)).body.counts).toEqual([0, 1, 0]);
  });

  it('answers a vote on a draft poll as GET does: 404 for participants, 409 for those who see drafts', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session, {}, false);
    const participant = await env.make.user();
    await env.api(participant).get(`/api/polls/${poll.id}`).expect(404);
    const hidden = await env.sessions.vote(poll, participant, 0).expect(404);
    expect(hidden.body.message).toBe('No such poll.');
    await env.api(session.organiser).get(`/api/polls/${poll.id}`).expect(200);
    await env.sessions.vote(poll, session.organiser, 0).expect(409);
    await env.sessions.vote(poll, await env.make.user({ role: 'moderator' }), 0).expect(409);
    const unchanged = await env.api(session.organiser).get(`/api/polls/${poll.id}`).expect(200);
    expect(unchanged.body).toMatchObject({ counts: [0, 0, 0], total: 0 });
  });

  it.each([
    [{ optionIndex: 3 }],
    [{ optionIndex: 40_000 }],
    [{ optionIndex: -1 }],
    [{ optionIndex: 1.5 }],
    [{ optionIndex: '1' }],
    [{}],
  ])('refuses the vote %j with 400', async (body) => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session);
    const voter = await env.make.user();
    const response = await env.api(voter).put(`/api/polls/${poll.id}/vote`).send(body).expect(400);
    expect(JSON.stringify(response.body.message)).toContain('optionIndex');
    expect((await env.api().get(`/api/polls/${poll.id}`)).body.total).toBe(0);
  });

  it('refuses guests with 401 and unknown polls with 404', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session);
    await env.api().put(`/api/polls/${poll.id}/vote`).send({ optionIndex: 0 }).expect(401);
    await env.sessions.vote({ id: randomUUID() }, await env.make.user(), 0).expect(404);
  });

  it.each([
    [{ options: ['only one'] }, 'options'],
    [{ options: Array.from({ length: 11 }, (_, i) => `o${i}`) }, 'options'],
    [{ options: ['yes', ''] }, 'option'],
    [{ options: ['yes', 'x'.repeat(201)] }, 'option'],
    [{ options: ['Yes', 'yes'] }, 'differ'],
    [{ options: 'yes,no' }, 'options'],
    [{ question: '' }, 'question'],
    [{ kind: 'final' }, 'kind'],
    [{ kind: 'quick', pairedPollId: '$pre' }, 'pairedPollId'],
  ])('refuses the poll %j with 400 naming %s', async (body, word) => {
    const session = await env.sessions.live();
    const pre = await env.sessions.poll(session, { kind: 'pre' }, false);
    const send = JSON.parse(JSON.stringify(body).replace('$pre', pre.id));
    const response = await env
      .api(session.organiser)
      .post(`/api/sessions/${session.id}/polls`)
      .send({ question: 'Q?', options: ['a', 'b'], kind: 'quick', ...send })
      .expect(400);
    expect(JSON.stringify(response.body.message)).toContain(word);
  });

  it('pairs a post poll only with a pre poll of the same session with the same options', async () => {
    const session = await env.sessions.live();
    const options = ['Agree', 'Disagree'];
    const pre = await env.sessions.poll(session, { kind: 'pre', options }, false);
    const quick = await env.sessions.poll(session, { kind: 'quick', options }, false);
    const elsewhere = await env.sessions.poll(await env.sessions.live(), { kind: 'pre', options }, false);
    const create = (body: object) =>
      env
        .api(session.organiser)
        .post(`/api/sessions/${session.id}/polls`)
        .send({ question: 'After?', kind: 'post', options, ...body });
    for (const pairedPollId of [quick.id, elsewhere.id, randomUUID()]) {
      expect((await create({ pairedPollId }).expect(400)).body.message).toContain('pre poll of this session');
    }
    expect((await create({ pairedPollId: pre.id, options: ['Disagree', 'Agree'] }).expect(400)).body.message).toContain(
      'same options',
    );
    const post = await create({ pairedPollId: pre.id }).expect(201);
    expect(post.body).toMatchObject({ kind: 'post', pairedPollId: pre.id });
  });

  it('sends poll.results coalesced, converging on the counts, and poll.closed with the final ones', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session);
    const socket = await env.watch(session);
    const voters = await Promise.all(Array.from({ length: 12 }, () => env.make.user()));
    const results: WireEvent[] = [];
    socket.on('poll.results', (event: WireEvent) => results.push(event));
    const converged = nextEvent<WireEvent>(socket, 'poll.results', (event) => event.data.total === 12);
    await Promise.all(voters.map((voter, i) => env.sessions.vote(poll, voter, i % 3).expect(200)));
    expect((await converged).data).toEqual({ id: poll.id, counts: [4, 4, 4], total: 12 });
    // Seqs only grow, and so do the totals: a later poll.results never shows fewer votes.
    for (let i = 1; i < results.length; i++) {
      expect(results[i].seq).toBeGreaterThan(results[i - 1].seq);
      expect(results[i].data.total as number).toBeGreaterThanOrEqual(results[i - 1].data.total as number);
    }
    const closed = nextEvent<WireEvent>(socket, 'poll.closed');
    await env.api(session.organiser).post(`/api/polls/${poll.id}/close`).expect(200);
    expect((await closed).data).toMatchObject({ counts: [4, 4, 4], total: 12, state: 'closed' });
  });

  it('closes open polls when the session ends, with their final counts', async () => {
    const session = await env.sessions.live();
    const poll = await env.sessions.poll(session);
    await env.sessions.vote(poll, await env.make.user(), 1).expect(200);
    const socket = await env.watch(session);
    const closed = nextEvent<WireEvent>(socket, 'poll.closed');
    const ended = nextEvent<WireEvent>(socket, 'session.updated');
    await env.api(session.organiser).post(`/api/sessions/${session.id}/end`).expect(200);
    expect((await closed).data).toMatchObject({ id: poll.id, state: 'closed', counts: [0, 1, 0] });
    expect((await ended).data.status).toBe('ended');
  });
});
