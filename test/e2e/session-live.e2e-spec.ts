import type { TestUser } from '../support/make';
import { sessionTestApp, TestSession } from '../support/sessions';
import { nextEvent, request, WireEvent } from '../support/sockets';

type JoinAck = {
  ok: true;
  seq: number;
  presence: { count: number };
  session: { id: string; serverTime: string; timerEndsAt: string | null };
  missed: WireEvent[];
};

describe('following a session live', () => {
  const env = sessionTestApp();

  async function join(session: TestSession, payload: object = { sessionId: session.id }, user?: TestUser) {
    const socket = await env.open(user);
    const ack = await request(socket, 'session:join', payload);
    expect(ack.ok).toBe(true);
    return { socket, ack: ack as unknown as JoinAck };
  }

  it('joins by code in any case, as a guest, with the session, its seq and presence', async () => {
    const session = await env.sessions.live();
    const { ack } = await join(session, { code: ` ${session.code.toLowerCase()} ` });
    expect(ack).toEqual({
      ok: true,
      seq: 1,
      presence: { count: 1 },
      session: expect.objectContaining({ id: session.id, status: 'live', serverTime: expect.any(String) }),
      missed: [],
    });
  });

  it.each([
    [{ code: 'ZZZZZZ' }, 404],
    [{ code: 'abc' }, 400],
    [{}, 400],
    [{ sessionId: 'nope' }, 400],
    [{ sessionId: '$id', code: '$code' }, 400],
    [{ sessionId: '$id', since: -1 }, 400],
    [{ sessionId: '$id', since: 99 }, 400],
    [{ code: null }, 400],
    [{ sessionId: null }, 400],
    [{ sessionId: null, code: '$code' }, 400],
    [{ sessionId: '$id', code: null }, 400],
    [{ sessionId: '$id', since: true }, 400],
    [{ sessionId: '$id', since: false }, 400],
    [{ sessionId: '$id', since: '0' }, 400],
    [{ sessionId: '$id', since: null }, 400],
  ])('refuses the join %j with %i', async (payload, statusCode) => {
    const session = await env.sessions.live();
    const socket = await env.open();
    const ack = await request(
      socket,
      'session:join',
      JSON.parse(JSON.stringify(payload).replace('$id', session.id).replace('$code', session.code)),
    );
    expect(ack).toMatchObject({ ok: false, error: { statusCode } });
  });

  it('counts presence: people and guests', async () => {
    const session = await env.sessions.live();
    const first = await join(session);
    const user = await env.make.user();
    const counted = nextEvent<{ stream: string; count: number }>(first.socket, 'presence', (e) => e.count === 3);
    await join(session, { sessionId: session.id }, user);
    await join(session, { code: session.code }, user); // the same person twice counts once
    await join(session);
    expect((await counted).stream).toBe(`session:${session.id}`);
  });

  it('sends session.updated for the lifecycle, the agenda and the timer', async () => {
    const session = await env.sessions.session({ debates: 2 });
    const { socket } = await join(session);
    const auth = session.organiser.auth;
    const started = nextEvent<WireEvent>(socket, 'session.updated');
    await env.api().post(`/api/sessions/${session.id}/start`).set(auth).expect(200);
    expect((await started).data).toMatchObject({ id: session.id, status: 'live' });
    const moved = nextEvent<WireEvent>(socket, 'session.updated');
    await env
      .api()
      .post(`/api/sessions/${session.id}/agenda/current`)
      .set(auth)
      .send({ debateId: session.debateIds[1] })
      .expect(200);
    expect((await moved).data.currentDebateId).toBe(session.debateIds[1]);
    const timed = nextEvent<WireEvent>(socket, 'session.updated');
    const answer = await env.api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 120 });
    expect((await timed).data.timerEndsAt).toBe(answer.body.timerEndsAt);
    expect((await timed).data).not.toHaveProperty('serverTime');
  });

  it('gives a late joiner the same countdown end as everyone else', async () => {
    const session = await env.sessions.live();
    const early = await join(session);
    const timed = nextEvent<WireEvent>(early.socket, 'session.updated');
    await env.api(session.organiser).post(`/api/sessions/${session.id}/timer`).send({ seconds: 60 });
    const endsAt = (await timed).data.timerEndsAt as string;
    const late = await join(session);
    expect(late.ack.session.timerEndsAt).toBe(endsAt);
    expect(Date.parse(endsAt) - Date.parse(late.ack.session.serverTime)).toBeLessThanOrEqual(60_000);
  });

  it('spotlights a visible post of an agenda debate and clears it, with spotlight.changed', async () => {
    const session = await env.sessions.live();
    const author = await env.make.user();
    const post = (
      await env
        .api(author)
        .post(`/api/debates/${session.debateIds[0]}/posts`)
        .send({ body: 'Watermarks are a start.', stance: 'pro' })
        .expect(201)
    ).body;
    const { socket } = await join(session);
    const shown = nextEvent<WireEvent>(socket, 'spotlight.changed');
    const set = await env
      .api(session.organiser)
      .post(`/api/sessions/${session.id}/spotlight`)
      .send({ postId: post.id })
      .expect(200);
    expect(set.body.spotlightPostId).toBe(post.id);
    expect((await shown).data).toMatchObject({
      postId: post.id,
      post: { id: post.id, body: 'Watermarks are a start.' },
    });
    const cleared = nextEvent<WireEvent>(socket, 'spotlight.changed');
    await env.api(session.organiser).post(`/api/sessions/${session.id}/spotlight`).send({ postId: null }).expect(200);
    expect((await cleared).data).toEqual({ postId: null, post: null });
  });

  it('refuses to spotlight a post outside the agenda (400) or an unknown one (404)', async () => {
    const session = await env.sessions.live();
    const elsewhere = await env.make.debate();
    const post = (
      await env
        .api(await env.make.user())
        .post(`/api/debates/${elsewhere.id}/posts`)
        .send({ body: 'Off the agenda.' })
        .expect(201)
    ).body;
    const spotlight = (postId: unknown) =>
      env.api(session.organiser).post(`/api/sessions/${session.id}/spotlight`).send({ postId });
    await spotlight(post.id).expect(400);
    await spotlight('00000000-0000-4000-8000-000000000000').expect(404);
    await spotlight('nope').expect(400);
    const unchanged = await env.api().get(`/api/sessions/${session.id}`).expect(200);
    expect(unchanged.body.spotlightPostId).toBeNull();
  });

  it('checks who asks before the post: 403 for someone who does not run the session, whatever the post', async () => {
    const session = await env.sessions.live();
    const other = await env.make.user({ role: 'organiser' });
    for (const postId of ['00000000-0000-4000-8000-000000000000', null]) {
      await env.api(other).post(`/api/sessions/${session.id}/spotlight`).send({ postId }).expect(403);
    }
    await env.api().post(`/api/sessions/${session.id}/spotlight`).send({ postId: null }).expect(401);
    await env
      .api(other)
      .post(`/api/sessions/00000000-0000-4000-8000-000000000000/spotlight`)
      .send({ postId: '00000000-0000-4000-8000-000000000000' })
      .expect(404, /session/i);
  });

  it('gives a reconnecting reader every session event it missed, with since', async () => {
    const session = await env.sessions.live();
    const participant = await env.make.user();
    const first = await join(session, { sessionId: session.id }, participant);
    const since = first.ack.seq;
    first.socket.disconnect();

    const auth = session.organiser.auth;
    await env.api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 30 }).expect(200);
    const poll = await env.sessions.poll(session);
    const question = await env.sessions.question(session, await env.make.user(), 'Missed me?');
    await env.api().post(`/api/polls/${poll.id}/close`).set(auth).expect(200);
    await env.api().patch(`/api/questions/${question.id}`).set(auth).send({ state: 'answered' }).expect(200);

    const again = await join(session, { sessionId: session.id, since }, participant);
    expect(again.ack.missed.map((event) => event.type)).toEqual([
      'session.updated',
      'poll.opened',
      'question.created',
      'poll.closed',
      'question.updated',
    ]);
    expect(again.ack.missed.map((event) => event.seq)).toEqual(Array.from({ length: 5 }, (_, i) => since + 1 + i));
    expect(again.ack.seq).toBe(since + 5);
  });

  it('replays a question hidden since without its words to participants, whole to the organiser', async () => {
    const session = await env.sessions.live();
    const { ack } = await join(session);
    const question = await env.sessions.question(session, await env.make.user(), 'Rude words');
    await env.api(session.organiser).patch(`/api/questions/${question.id}`).send({ state: 'hidden' }).expect(200);
    const guest = await join(session, { sessionId: session.id, since: ack.seq });
    expect(guest.ack.missed.map((event) => [event.type, event.data.body])).toEqual([['question.updated', '']]);
    const organiser = await join(session, { sessionId: session.id, since: ack.seq }, session.organiser);
    expect(organiser.ack.missed.map((event) => [event.type, event.data.body])).toEqual([
      ['question.created', 'Rude words'],
      ['question.updated', ''],
      ['question.updated', 'Rude words'],
    ]);
  });
});
