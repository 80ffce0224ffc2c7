import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { startServer } from '../../src/server';
import { apiAt } from '../support/api';
import type { TestApp } from '../support/app';
import { makers, TestUser } from '../support/make';
import { sessionMakers } from '../support/sessions';

/**
 * A whole session on the embedded database, whose pool is one connection: a query that left its transaction for
 * another connection would wait forever here.
 */
describe('a live session on the embedded database', () => {
  let app: TestApp;

  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'forum-embedded-sessions-')),
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(config, { port: 0 });
    app = { ...server, dataSource: server.app.get(DataSource) };
  }, 60_000);
  afterAll(() => app?.close());

  it('runs from start to report with one connection', async () => {
    const make = makers(app);
    const api = (user?: TestUser) => apiAt(app.url, user);
    const sessions = sessionMakers(api, make);
    const session = await sessions.live();
    const auth = session.organiser.auth;
    const [ana, ben] = [await make.user(), await make.user()];
    const post = await api(ana)
      .post(`/api/debates/${session.debateIds[0]}/posts`)
      .send({ body: 'Labels help.', stance: 'pro' })
      .expect(201);
    await api().post(`/api/sessions/${session.id}/spotlight`).set(auth).send({ postId: post.body.id }).expect(200);
    await api().post(`/api/sessions/${session.id}/timer`).set(auth).send({ seconds: 60 }).expect(200);
    const pre = await sessions.poll(session, { kind: 'pre', options: ['Yes', 'No'] });
    await Promise.all([sessions.vote(pre, ana, 0).expect(200), sessions.vote(pre, ben, 1).expect(200)]);
    await api().post(`/api/polls/${pre.id}/close`).set(auth).expect(200);
    const after = await sessions.poll(session, { kind: 'post', options: ['Yes', 'No'], pairedPollId: pre.id });
    await Promise.all([sessions.vote(after, ana, 1).expect(200), sessions.vote(after, ben, 1).expect(200)]);
    const question = await sessions.question(session, ana);
    await Promise.all([sessions.upvote(question, ana).expect(200), sessions.upvote(question, ben).expect(200)]);
    await api().patch(`/api/questions/${question.id}`).set(auth).send({ state: 'hidden' }).expect(200);
    await api().post(`/api/sessions/${session.id}/end`).set(auth).expect(200);
    const report = await api().get(`/api/sessions/${session.id}/report`).set(auth).expect(200);
    expect(report.body.shifts[0]).toMatchObject({
      matrix: [
        [0, 1],
        [0, 1],
      ],
      changed: 1,
      net: [-1, 1],
    });
    expect(report.body.participants).toBe(2);
  }, 60_000);
});
