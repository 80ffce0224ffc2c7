import { randomUUID } from 'node:crypto';
import { sessionTestApp } from '../support/sessions';

describe('live sessions', () => {
  const env = sessionTestApp();

  describe('creating', () => {
    it('creates a scheduled session with a 6-character code and the first agenda debate current', async () => {
      const organiser = await env.make.user({ role: 'organiser' });
      const [a, b] = [await env.make.debate(), await env.make.debate()];
      const response = await env
        .api(organiser)
        .post('/api/sessions')
        .send({ title: 'Deepfakes and elections', debateIds: [a.id, b.id], startsAt: '2026-12-01T10:00:00.000Z' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        code: expect.stringMatching(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/),
        title: 'Deepfakes and elections',
        status: 'scheduled',
        organiserId: organiser.id,
        debateIds: [a.id, b.id],
        currentDebateId: a.id,
        timerEndsAt: null,
        timerRemainingMs: null,
        spotlightPostId: null,
        startsAt: '2026-12-01T10:00:00.000Z',
        startedAt: null,
        endedAt: null,
        createdAt: expect.any(String),
        serverTime: expect.any(String),
      });
    });

    it('is found by id and by code in any case, by anyone', async () => {
      const session = await env.sessions.session();
      const byId = await env.api().get(`/api/sessions/${session.id}`).expect(200);
      expect(byId.body).toMatchObject({ id: session.id, code: session.code });
      const byCode = await env.api().get(`/api/sessions/code/${session.code.toLowerCase()}`).expect(200);
      expect(byCode.body.id).toBe(session.id);
    });

    it('answers 404 for an unknown code or id', async () => {
      await env.api().get('/api/sessions/code/ZZZZZZ').expect(404);
      await env.api().get('/api/sessions/code/no').expect(404);
      await env.api().get(`/api/sessions/${randomUUID()}`).expect(404);
    });

    it.each([
      [{ title: '', debateIds: ['$debate'] }, 'title'],
      [{ title: '   ', debateIds: ['$debate'] }, 'title'],
      [{ debateIds: ['$debate'] }, 'title'],
      [{ title: 'x'.repeat(201), debateIds: ['$debate'] }, 'title'],
      [{ title: 'No agenda', debateIds: [] }, 'debateIds'],
      [{ title: 'No agenda' }, 'debateIds'],
      [{ title: 'Bad ids', debateIds: ['nope'] }, 'debateIds'],
      [{ title: 'Twice', debateIds: ['$debate', '$debate'] }, 'debateIds'],
      [{ title: 'Unknown', debateIds: [randomUUID()] }, 'debateIds'],
      [{ title: 'When', debateIds: ['$debate'], startsAt: 'tomorrow' }, 'startsAt'],
      [{ title: 'Extra', debateIds: ['$debate'], colour: 'red' }, 'colour'],
    ])('refuses %j with 400 naming %s, and creates nothing', async (body, word) => {
      const organiser = await env.make.user({ role: 'organiser' });
      const debate = await env.make.debate();
      const send = JSON.parse(JSON.stringify(body).replaceAll('$debate', debate.id));
      const response = await env.api(organiser).post('/api/sessions').send(send).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(response.body.message)).toContain(word);
      const mine = await env.api(organiser).get('/api/sessions?mine=true').expect(200);
      expect(mine.body.items).toEqual([]);
    });

    it('is for organisers and admins: 401 for guests, 403 for participants and moderators', async () => {
      const debate = await env.make.debate();
      const body = { title: 'Mine', debateIds: [debate.id] };
      await env.api().post('/api/sessions').send(body).expect(401);
      for (const role of ['participant', 'moderator'] as const) {
        await env
          .api(await env.make.user({ role }))
          .post('/api/sessions')
          .send(body)
          .expect(403);
      }
      await env
        .api(await env.make.user({ role: 'admin' }))
        .post('/api/sessions')
        .send(body)
        .expect(201);
    });

    it('lists mine=true for anyone signed in: empty without sessions, 401 for guests', async () => {
      await env.api().get('/api/sessions?mine=true').expect(401);
      for (const role of ['participant', 'moderator'] as const) {
        const response = await env
          .api(await env.make.user({ role }))
          .get('/api/sessions?mine=true')
          .expect(200);
        expect(response.body).toEqual({ items: [], nextCursor: null });
      }
    });

    it('still lists the sessions of an organiser who went back to participant', async () => {
      const organiser = await env.make.user({ role: 'organiser' });
      const made = await env.sessions.session({ organiser });
      const admin = await env.make.user({ role: 'admin' });
      await env.api(admin).patch(`/api/users/${organiser.id}/role`).send({ role: 'participant' }).expect(200);
      const response = await env.api(organiser).get('/api/sessions?mine=true').expect(200);
      expect(response.body.items.map((s: { id: string }) => s.id)).toEqual([made.id]);
    });

    it("lists the caller's own sessions, newest first, page by page", async () => {
      const organiser = await env.make.user({ role: 'organiser' });
      const debate = await env.make.debate();
      const made = [];
      for (let i = 0; i < 3; i++) made.push(await env.sessions.session({ organiser, debateIds: [debate.id] }));
      await env.sessions.session({ debateIds: [debate.id] }); // someone else's
      const first = await env.api(organiser).get('/api/sessions?mine=true&limit=2').expect(200);
      const second = await env
        .api(organiser)
        .get(`/api/sessions?mine=true&limit=2&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect([...first.body.items, ...second.body.items].map((s: { id: string }) => s.id)).toEqual(
        made.map((s) => s.id).reverse(),
      );
      expect(second.body.nextCursor).toBeNull();
    });
  });

  describe('lifecycle', () => {
    it('goes scheduled → live ⇄ paused → ended', async () => {
      const session = await env.sessions.session();
      const step = (action: string) =>
        env.api(session.organiser).post(`/api/sessions/${session.id}/${action}`).expect(200);
      expect((await step('start')).body).toMatchObject({ status: 'live', startedAt: expect.any(String) });
      expect((await step('pause')).body.status).toBe('paused');
      expect((await step('resume')).body.status).toBe('live');
      expect((await step('end')).body).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    });

    it.each([
      ['pause', 'scheduled'],
      ['resume', 'scheduled'],
      ['start', 'live'],
      ['resume', 'live'],
      ['start', 'paused'],
      ['pause', 'paused'],
    ])('refuses to %s a %s session with 409', async (action, status) => {
      const session = await env.sessions.session();
      const auth = session.organiser.auth;
      if (status !== 'scheduled') await env.api().post(`/api/sessions/${session.id}/start`).set(auth).expect(200);
      if (status === 'paused') await env.api().post(`/api/sessions/${session.id}/pause`).set(auth).expect(200);
      const response = await env.api().post(`/api/sessions/${session.id}/${action}`).set(auth).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, code: 'invalid_transition' });
      expect((await env.api().get(`/api/sessions/${session.id}`)).body.status).toBe(status);
    });

    it('freezes an ended session: every change answers 409', async () => {
      const session = await env.sessions.live();
      const auth = session.organiser.auth;
      const participant = await env.make.user();
      const poll = await env.sessions.poll(session);
      const question = await env.sessions.question(session, participant);
      await env.api().post(`/api/sessions/${session.id}/end`).set(auth).expect(200);
      const attempts = [
        env.api().post(`/api/sessions/${session.id}/start`).set(auth),
        env.api().post(`/api/sessions/${session.id}/resume`).set(auth),
        env.api().post(`/api/sessions/${session.id}/end`).set(auth),
        env.api().post(`/api/sessions/${session.id}/agenda/current`).set(auth).send({ debateId: session.debateIds[0] }),
        env.api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 60 }),
        env.api().post(`/api/sessions/${session.id}/spotlight`).set(auth).send({ postId: null }),
        env
          .api()
          .post(`/api/sessions/${session.id}/polls`)
          .set(auth)
          .send({ question: 'Late?', options: ['a', 'b'], kind: 'quick' }),
        env.api().post(`/api/polls/${poll.id}/open`).set(auth),
        env.api(participant).post(`/api/sessions/${session.id}/questions`).send({ body: 'Too late?' }),
        env.sessions.upvote(question, participant),
        env.api().patch(`/api/questions/${question.id}`).set(auth).send({ state: 'answered' }),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        expect([response.status, response.body.code]).toEqual([409, 'session_ended']);
      }
      const vote = await env.sessions.vote(poll, participant, 0).expect(409);
      expect(vote.body.code).toBe('poll_not_open');
    });

    it("refuses another organiser's or a participant's changes with 403; admins may", async () => {
      const session = await env.sessions.session();
      const other = await env.make.user({ role: 'organiser' });
      const participant = await env.make.user();
      for (const user of [other, participant]) {
        const response = await env.api(user).post(`/api/sessions/${session.id}/start`).expect(403);
        expect(response.body.code).toBe('forbidden');
        await env.api(user).post(`/api/sessions/${session.id}/timer`).send({ seconds: 30 }).expect(403);
        await env
          .api(user)
          .post(`/api/sessions/${session.id}/polls`)
          .send({ question: 'Q?', options: ['a', 'b'], kind: 'quick' })
          .expect(403);
        await env.api(user).get(`/api/sessions/${session.id}/report`).expect(403);
      }
      await env.api().post(`/api/sessions/${session.id}/start`).expect(401);
      const admin = await env.make.user({ role: 'admin' });
      await env.api(admin).post(`/api/sessions/${session.id}/start`).expect(200);
    });

    it('answers 404 for an unknown session', async () => {
      const organiser = await env.make.user({ role: 'organiser' });
      await env.api(organiser).post(`/api/sessions/${randomUUID()}/start`).expect(404);
    });
  });

  describe('agenda and timer', () => {
    it('moves the current debate along the agenda, and refuses one outside it with 400', async () => {
      const session = await env.sessions.session({ debates: 2 });
      const auth = session.organiser.auth;
      const moved = await env
        .api()
        .post(`/api/sessions/${session.id}/agenda/current`)
        .set(auth)
        .send({ debateId: session.debateIds[1] })
        .expect(200);
      expect(moved.body.currentDebateId).toBe(session.debateIds[1]);
      const outside = await env.make.debate();
      await env
        .api()
        .post(`/api/sessions/${session.id}/agenda/current`)
        .set(auth)
        .send({ debateId: outside.id })
        .expect(400);
    });

    it('sets a timer as an absolute end time, and 0 stops it', async () => {
      const session = await env.sessions.live();
      const auth = session.organiser.auth;
      const before = Date.now();
      const set = await env.api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 90 }).expect(200);
      const endsAt = Date.parse(set.body.timerEndsAt);
      expect(endsAt).toBeGreaterThanOrEqual(before + 90_000);
      expect(endsAt).toBeLessThanOrEqual(Date.parse(set.body.serverTime) + 90_000);
      const stopped = await env.api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 0 });
      expect(stopped.body.timerEndsAt).toBeNull();
    });

    it('freezes the timer while paused and lets it run on at resume', async () => {
      const session = await env.sessions.live();
      const auth = session.organiser.auth;
      await env.api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 300 }).expect(200);
      const paused = await env.api().post(`/api/sessions/${session.id}/pause`).set(auth).expect(200);
      expect(paused.body.timerEndsAt).toBeNull();
      expect(paused.body.timerRemainingMs).toBeGreaterThan(0);
      expect(paused.body.timerRemainingMs).toBeLessThanOrEqual(300_000);
      const resumed = await env.api().post(`/api/sessions/${session.id}/resume`).set(auth).expect(200);
      expect(resumed.body.timerRemainingMs).toBeNull();
      expect(Date.parse(resumed.body.timerEndsAt) - Date.parse(resumed.body.serverTime)).toBeLessThanOrEqual(
        paused.body.timerRemainingMs,
      );
    });

    it.each([[{ seconds: -1 }], [{ seconds: 1.5 }], [{ seconds: 86_401 }], [{ seconds: '60' }], [{}]])(
      'refuses the timer %j with 400',
      async (body) => {
        const session = await env.sessions.live();
        await env.api(session.organiser).post(`/api/sessions/${session.id}/timer`).send(body).expect(400);
      },
    );
  });
});
