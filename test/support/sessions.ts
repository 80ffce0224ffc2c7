import type { Socket } from 'socket.io-client';
import { useTestApp } from './app';
import type { Api } from './api';
import type { TestUser } from './make';
import { request } from './sockets';

export interface TestSession {
  id: string;
  code: string;
  status: string;
  debateIds: string[];
  organiser: TestUser;
}

export interface TestPoll {
  id: string;
  options: string[];
  state: string;
  counts: number[];
  total: number;
}

export interface SessionOverrides {
  organiser?: TestUser;
  debateIds?: string[];
  /** How many new debates make the agenda when debateIds is not given (1). */
  debates?: number;
  title?: string;
}

type Helpers = ReturnType<typeof useTestApp>;

/** Factories for live sessions: a session with its organiser and agenda, polls, questions. */
export function sessionMakers(api: (user?: TestUser) => Api, make: Helpers['make']) {
  return {
    /** A scheduled session on `debates` new debates (or the given ones), run by a new organiser unless given. */
    async session(overrides: SessionOverrides = {}): Promise<TestSession> {
      const organiser = overrides.organiser ?? (await make.user({ role: 'organiser' }));
      const debateIds =
        overrides.debateIds ??
        (await Promise.all(Array.from({ length: overrides.debates ?? 1 }, () => make.debate()))).map((d) => d.id);
      const response = await api(organiser)
        .post('/api/sessions')
        .send({ title: overrides.title ?? 'Sora in class', debateIds })
        .expect(201);
      return { ...response.body, organiser };
    },

    async live(overrides: SessionOverrides = {}): Promise<TestSession> {
      const session = await this.session(overrides);
      await api(session.organiser).post(`/api/sessions/${session.id}/start`).expect(200);
      return { ...session, status: 'live' };
    },

    /** A poll in the session, opened unless `open: false`. */
    async poll(
      session: TestSession,
      body: { question?: string; options?: string[]; kind?: string; pairedPollId?: string } = {},
      open = true,
    ): Promise<TestPoll> {
      const created = await api(session.organiser)
        .post(`/api/sessions/${session.id}/polls`)
        .send({ question: 'Should labels be mandatory?', options: ['Yes', 'No', 'Unsure'], kind: 'quick', ...body })
        .expect(201);
      if (!open) return created.body;
      return (await api(session.organiser).post(`/api/polls/${created.body.id}/open`).expect(200)).body;
    },

    vote(poll: { id: string }, voter: TestUser, optionIndex: number) {
      return api(voter).put(`/api/polls/${poll.id}/vote`).send({ optionIndex });
    },

    async question(session: { id: string }, author: TestUser, body = 'Who checks the watermark?') {
      return (await api(author).post(`/api/sessions/${session.id}/questions`).send({ body }).expect(201)).body as {
        id: string;
        body: string;
        upvotes: number;
      };
    },

    upvote(question: { id: string }, voter: TestUser) {
      return api(voter).put(`/api/questions/${question.id}/upvote`);
    },
  };
}

/**
 * A session test file's setup: useTestApp's app and helpers, the session factories, `open(user?)` for a socket and
 * `watch(session, user?)` for one joined to a session's stream (as a guest without a user).
 */
export function sessionTestApp(env: Record<string, string> = {}) {
  const helpers = useTestApp({ env });
  const open = (user?: TestUser): Promise<Socket> => helpers.connect({ user });
  return {
    ...helpers,
    sessions: sessionMakers(helpers.api, helpers.make),
    open,
    async watch(session: { id: string }, user?: TestUser): Promise<Socket> {
      const socket = await open(user);
      const ack = await request(socket, 'session:join', { sessionId: session.id });
      if (!ack.ok) throw new Error(`session:join failed: ${JSON.stringify(ack)}`);
      return socket;
    },
  };
}
