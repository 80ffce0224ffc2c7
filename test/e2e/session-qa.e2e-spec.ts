import { randomUUID } from 'node:crypto';
import type { TestUser } from '../support/make';
import { sessionTestApp, TestSession } from '../support/sessions';
import { nextEvent, record, WireEvent } from '../support/sockets';

describe('session Q&A', () => {
  const env = sessionTestApp();

  /** A new user whose side in the debate is `stance`, taken with a top-level post (null: no side). */
  async function userOnSide(debateId: string, stance: string | null) {
    const user = await env.make.user();
    if (stance) {
      await env
        .api(user)
        .post(`/api/debates/${debateId}/posts`)
        .send({ body: `I am ${stance}.`, stance })
        .expect(201);
    }
    return user;
  }

  const list = async (session: TestSession, order: string, user?: TestUser) => {
    const call = env.api().get(`/api/sessions/${session.id}/questions?order=${order}`);
    const response = await (user ? call.set(user.auth) : call).expect(200);
    return response.body.items as { id: string; body: string; upvotes: number; state: string; myUpvote?: boolean }[];
  };

  /** Gives `question` n up-votes from new people. */
  async function upvotes(question: { id: string }, n: number) {
    for (let i = 0; i < n; i++) await env.sessions.upvote(question, await env.make.user()).expect(200);
  }

  it('takes a question and sends question.created to everyone following', async () => {
    const session = await env.sessions.live();
    const socket = await env.watch(session);
    const asker = await env.make.user();
    const created = nextEvent<WireEvent>(socket, 'question.created');
    const question = await env.sessions.question(session, asker, 'Does C2PA survive a screenshot?');
    expect(question).toMatchObject({
      body: 'Does C2PA survive a screenshot?',
      author: { id: asker.id, displayName: asker.displayName },
      upvotes: 0,
      myUpvote: false,
      state: 'open',
    });
    expect((await created).data).toMatchObject({ id: question.id, body: 'Does C2PA survive a screenshot?' });
  });

  it.each([[{ body: '' }], [{ body: '  ' }], [{ body: 'x'.repeat(501) }], [{}], [{ body: 'ok', extra: 1 }]])(
    'refuses the question %j with 400',
    async (body) => {
      const session = await env.sessions.live();
      const asker = await env.make.user();
      await env.api(asker).post(`/api/sessions/${session.id}/questions`).send(body).expect(400);
      expect(await list(session, 'top')).toEqual([]);
    },
  );

  it('refuses guests (401) and unknown sessions (404)', async () => {
    const session = await env.sessions.live();
    await env.api().post(`/api/sessions/${session.id}/questions`).send({ body: 'Hi?' }).expect(401);
    await env
      .api(await env.make.user())
      .post(`/api/sessions/${randomUUID()}/questions`)
      .send({ body: 'Hi?' })
      .expect(404);
  });

  it('counts one up-vote per person: a repeated up-vote answers 200 with no change', async () => {
    const session = await env.sessions.live();
    const question = await env.sessions.question(session, await env.make.user());
    const voter = await env.make.user();
    expect((await env.sessions.upvote(question, voter).expect(200)).body).toMatchObject({ upvotes: 1, myUpvote: true });
    expect((await env.sessions.upvote(question, voter).expect(200)).body).toMatchObject({ upvotes: 1, myUpvote: true });
    const withdrawn = await env.api(voter).delete(`/api/questions/${question.id}/upvote`).expect(200);
    expect(withdrawn.body).toMatchObject({ upvotes: 0, myUpvote: false });
    await env.sessions.upvote({ id: randomUUID() }, voter).expect(404);
  });

  it('sends question.upvoted with the count', async () => {
    const session = await env.sessions.live();
    const question = await env.sessions.question(session, await env.make.user());
    const socket = await env.watch(session);
    const upvoted = nextEvent<WireEvent>(socket, 'question.upvoted', (event) => event.data.upvotes === 2);
    await upvotes(question, 2);
    expect((await upvoted).data).toEqual({ id: question.id, upvotes: 2 });
  });

  it('orders by up-votes then oldest first (top), and newest first (new)', async () => {
    const session = await env.sessions.live();
    const asker = await env.make.user();
    const first = await env.sessions.question(session, asker, 'first');
    const second = await env.sessions.question(session, asker, 'second');
    const third = await env.sessions.question(session, asker, 'third');
    await upvotes(third, 2);
    await upvotes(second, 1);
    await upvotes(first, 1);
    expect((await list(session, 'top')).map((q) => q.body)).toEqual(['third', 'first', 'second']);
    expect((await list(session, 'new')).map((q) => q.body)).toEqual(['third', 'second', 'first']);
    expect((await list(session, 'top')).map((q) => q.upvotes)).toEqual([2, 1, 1]);
  });

  it("alternates sides in the balanced order, so one camp's numbers do not crowd out the other", async () => {
    const session = await env.sessions.live();
    const [debateId] = session.debateIds;
    const asker = (stance: string | null) => userOnSide(debateId, stance);
    const pros = [await asker('pro'), await asker('pro'), await asker('pro')];
    const contra = await asker('contra');
    const undecided = await asker(null);
    const p1 = await env.sessions.question(session, pros[0], 'pro 1');
    const p2 = await env.sessions.question(session, pros[1], 'pro 2');
    const p3 = await env.sessions.question(session, pros[2], 'pro 3');
    const c1 = await env.sessions.question(session, contra, 'contra 1');
    const u1 = await env.sessions.question(session, undecided, 'no side');
    await upvotes(p1, 4);
    await upvotes(p2, 3);
    await upvotes(p3, 2);
    await upvotes(u1, 5);
    await upvotes(c1, 1);
    expect((await list(session, 'top')).map((q) => q.body)).toEqual(['no side', 'pro 1', 'pro 2', 'pro 3', 'contra 1']);
    expect((await list(session, 'balanced')).map((q) => q.body)).toEqual([
      'pro 1',
      'contra 1',
      'pro 2',
      'pro 3',
      'no side',
    ]);
    await env.api().get(`/api/sessions/${session.id}/questions?order=loudest`).expect(400);
  });

  it('pages the queue with a cursor', async () => {
    const session = await env.sessions.live();
    const asker = await env.make.user();
    for (const body of ['a', 'b', 'c']) await env.sessions.question(session, asker, body);
    const first = await env.api().get(`/api/sessions/${session.id}/questions?order=new&limit=2`).expect(200);
    expect(first.body.items.map((q: { body: string }) => q.body)).toEqual(['c', 'b']);
    const rest = await env
      .api()
      .get(`/api/sessions/${session.id}/questions?order=new&limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(rest.body).toMatchObject({ items: [expect.objectContaining({ body: 'a' })], nextCursor: null });
    await env.api().get(`/api/sessions/${session.id}/questions?cursor=bad`).expect(400);
  });

  /** Walks the queue two at a time, calling `between` after the first page; answers the bodies in order. */
  async function walk(session: TestSession, order: string, between: () => Promise<unknown>) {
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let page = 0; cursor !== null; page++) {
      const { body } = await env
        .api()
        .get(`/api/sessions/${session.id}/questions?order=${order}&limit=2&cursor=${cursor}`)
        .expect(200);
      const items: { body: string }[] = body.items;
      seen.push(...items.map((q) => q.body));
      cursor = body.nextCursor as string | null;
      if (page === 0) await between();
    }
    return seen;
  }

  it.each(['new', 'top'])(
    'walks the %s order by a cursor that gives every question once while questions are asked',
    async (order) => {
      const session = await env.sessions.live();
      const asker = await env.make.user();
      for (const body of ['a', 'b', 'c', 'd']) await env.sessions.question(session, asker, body);
      const before = (await list(session, order)).map((q) => q.body);
      const seen = await walk(session, order, async () => {
        await env.sessions.question(session, asker, 'new 1');
        await env.sessions.question(session, asker, 'new 2');
      });
      expect(seen.filter((body) => !body.startsWith('new'))).toEqual(before);
      expect(new Set(seen).size).toBe(seen.length);
    },
  );

  it('walks the balanced order over the questions as they were at its start, each once', async () => {
    const session = await env.sessions.live();
    const [debateId] = session.debateIds;
    const sided = (stance: string) => userOnSide(debateId, stance);
    const pro = await sided('pro');
    for (const body of ['pro 1', 'pro 2', 'pro 3']) await env.sessions.question(session, pro, body);
    // The first contra question opens a second side, which takes every other place from the second on.
    const seen = await walk(session, 'balanced', async () => {
      await env.sessions.question(session, await sided('contra'), 'contra 1');
    });
    expect(seen).toEqual(['pro 1', 'pro 2', 'pro 3']);
    expect((await list(session, 'balanced')).map((q) => q.body)).toEqual(['pro 1', 'contra 1', 'pro 2', 'pro 3']);
  });

  it("refuses another order's cursor with 400", async () => {
    const session = await env.sessions.live();
    const asker = await env.make.user();
    for (const body of ['a', 'b', 'c']) await env.sessions.question(session, asker, body);
    const cursors: Record<string, string> = {};
    for (const order of ['top', 'new', 'balanced']) {
      const page = await env.api().get(`/api/sessions/${session.id}/questions?order=${order}&limit=1`).expect(200);
      cursors[order] = page.body.nextCursor;
    }
    for (const [order, other] of [
      ['top', 'new'],
      ['new', 'balanced'],
      ['balanced', 'top'],
    ]) {
      await env
        .api()
        .get(`/api/sessions/${session.id}/questions?order=${order}&limit=1&cursor=${cursors[other]}`)
        .expect(400);
    }
  });

  it('lets the organiser and moderators mark answered or hide; others get 403', async () => {
    const session = await env.sessions.live();
    const asker = await env.make.user();
    const question = await env.sessions.question(session, asker);
    const patch = (user: TestUser, state: string) =>
      env.api(user).patch(`/api/questions/${question.id}`).send({ state });
    await patch(asker, 'answered').expect(403);
    await patch(await env.make.user({ role: 'organiser' }), 'answered').expect(403);
    expect((await patch(session.organiser, 'answered').expect(200)).body.state).toBe('answered');
    expect((await patch(await env.make.user({ role: 'moderator' }), 'open').expect(200)).body.state).toBe('open');
    await patch(session.organiser, 'closed').expect(400);
  });

  it('shows hidden questions only to the organiser and moderators, live and in the list', async () => {
    const session = await env.sessions.live();
    const asker = await env.make.user();
    const question = await env.sessions.question(session, asker, 'Something rude');
    const guest = await env.watch(session);
    const organiser = await env.watch(session, session.organiser);
    const guestSaw = record(guest, 'question.updated');
    const organiserSaw = record(organiser, 'question.updated');
    const guestGot = nextEvent<WireEvent>(guest, 'question.updated');
    const organiserGotWhole = nextEvent<WireEvent>(organiser, 'question.updated', (event) => event.data.body !== '');
    await env.api(session.organiser).patch(`/api/questions/${question.id}`).send({ state: 'hidden' });
    expect((await guestGot).data).toMatchObject({ id: question.id, state: 'hidden', body: '', author: null });
    expect((await organiserGotWhole).data).toMatchObject({ state: 'hidden', body: 'Something rude' });
    // A later event both follow shows what came before it.
    const marker = nextEvent(guest, 'question.created');
    const markerForOrganiser = nextEvent(organiser, 'question.created');
    await env.sessions.question(session, asker, 'A fine question');
    await Promise.all([marker, markerForOrganiser]);
    expect(guestSaw.map((event) => event.data.body)).toEqual(['']);
    expect(organiserSaw.map((event) => event.data.body)).toEqual(['', 'Something rude']);

    expect((await list(session, 'top')).map((q) => q.body)).toEqual(['A fine question']);
    expect((await list(session, 'top', asker)).map((q) => q.body)).toEqual(['A fine question']);
    expect((await list(session, 'top', session.organiser)).map((q) => q.body).sort()).toEqual([
      'A fine question',
      'Something rude',
    ]);
    expect((await list(session, 'top', await env.make.user({ role: 'moderator' }))).length).toBe(2);
    await env.sessions.upvote(question, asker).expect(404);
  });
});
