import { Socket } from 'socket.io-client';
import { AuthService } from '../../src/auth/auth.service';
import { SocketContract } from '../../src/events/socket-contract';
import { UsersService } from '../../src/users/users.service';
import { apiAt } from '../support/api';
import { startTestApp, TestApp } from '../support/app';
import { makers, TestUser, uniqueName } from '../support/make';
import { uniqueWord } from '../support/moderation';
import { connect, nextEvent, record, request } from '../support/sockets';

/**
 * Who may do what: every endpoint and socket message × every kind of caller, each cell written once. A cell is the
 * HTTP status (or the ack's: 200 for `ok`), or `seen` / `unseen` for rows asking whether content reaches the caller.
 * New features add rows (moderation, sessions); a new kind of caller adds a column to CALLERS and to every row.
 */
const CALLERS = [
  'guest',
  'participant',
  'anotherParticipant',
  'organiser',
  'anotherOrganiser',
  'moderator',
  'admin',
  'suspended',
] as const;
type Caller = (typeof CALLERS)[number];
type Cell = number | 'seen' | 'unseen';
type Expected = Record<Caller, Cell>;

/** Shorthands for the common shapes of a row. */
const everyone = (cell: Cell): Expected => row({ guest: cell }, cell);
const signedIn = (cell: Cell, suspended: Cell = 403): Expected => row({ guest: 401, suspended }, cell);
function row(cells: Partial<Expected>, rest: Cell): Expected {
  return Object.fromEntries(CALLERS.map((caller) => [caller, cells[caller] ?? rest])) as Expected;
}

interface Row {
  name: string;
  expected: Expected;
  /** What this caller gets; `participant` is the author of the fixtures' posts. */
  run(caller: Caller): Promise<Cell>;
}

describe('the authorization matrix', () => {
  let app: TestApp;
  let make: ReturnType<typeof makers>;
  const users = {} as Record<Exclude<Caller, 'guest'>, TestUser>;
  let bystander: TestUser;
  let debate: { id: string };
  let premoderated: { id: string };
  let visiblePost: { id: string };
  let pendingPost: { id: string };
  /** A live session the organiser runs on `debate`, with an open poll and a question. */
  let session: { id: string; code: string };
  let openPoll: { id: string };
  let question: { id: string };
  let hider: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    make = makers(app);
    for (const caller of CALLERS.slice(1)) {
      const role = { organiser: 'organiser', anotherOrganiser: 'organiser', moderator: 'moderator', admin: 'admin' }[
        caller as string
      ] as 'organiser' | 'moderator' | 'admin' | undefined;
      users[caller as Exclude<Caller, 'guest'>] = await make.user({ role: role ?? 'participant' });
    }
    // Suspended as a moderator does it, so that the suspension is a decision on the log that can be appealed.
    hider = await make.user({ role: 'moderator' });
    await apiAt(app.url, hider)
      .post(`/api/moderation/users/${users.suspended.id}/suspend`)
      .send({ until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Matrix' })
      .expect(200);
    bystander = await make.user();
    debate = (await http('organiser').post('/api/debates').send({ question: 'Who may do what here?' }).expect(201))
      .body;
    premoderated = (await http('organiser').post('/api/debates').send({ question: 'Held for review?' }).expect(201))
      .body;
    await http('moderator').patch(`/api/debates/${premoderated.id}`).send({ premoderated: true }).expect(200);
    visiblePost = await createPost(debate.id, 'A visible post');
    pendingPost = await createPost(premoderated.id, 'A pending post');
    session = await sessionIn('live');
    openPoll = await sessionPoll(session.id, true);
    question = (
      await http('participant')
        .post(`/api/sessions/${session.id}/questions`)
        .send({ body: 'Who checks the watermark?' })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await app?.close();
  });

  function http(caller: Caller, token?: string) {
    const agent = apiAt(app.url);
    const auth = token ?? (caller === 'guest' ? null : users[caller].token);
    const withAuth = <T extends { set(name: string, value: string): T }>(request: T) =>
      auth ? request.set('Authorization', `Bearer ${auth}`) : request;
    return {
      get: (path: string) => withAuth(agent.get(path)),
      post: (path: string) => withAuth(agent.post(path)),
      patch: (path: string) => withAuth(agent.patch(path)),
      put: (path: string) => withAuth(agent.put(path)),
      delete: (path: string) => withAuth(agent.delete(path)),
    };
  }

  async function createPost(debateId: string, body: string, author: Caller = 'participant'): Promise<{ id: string }> {
    return (await http(author).post(`/api/debates/${debateId}/posts`).send({ body }).expect(201)).body;
  }

  /** A new session the organiser runs on `debate`, moved to `status`. */
  async function sessionIn(status: 'scheduled' | 'live' | 'paused'): Promise<{ id: string; code: string }> {
    const created = await http('organiser')
      .post('/api/sessions')
      .send({ title: 'Who may run this?', debateIds: [debate.id] })
      .expect(201);
    const steps = { scheduled: [], live: ['start'], paused: ['start', 'pause'] }[status];
    for (const step of steps) await http('organiser').post(`/api/sessions/${created.body.id}/${step}`).expect(200);
    return created.body;
  }

  async function sessionPoll(sessionId: string, open: boolean): Promise<{ id: string }> {
    const poll = await http('organiser')
      .post(`/api/sessions/${sessionId}/polls`)
      .send({ question: 'Labels: mandatory?', options: ['Yes', 'No'], kind: 'quick' })
      .expect(201);
    if (open) await http('organiser').post(`/api/polls/${poll.body.id}/open`).expect(200);
    return poll.body;
  }

  /** A visible post by someone who is no caller, so that every caller may flag it. */
  async function strangersPost(): Promise<{ id: string }> {
    return (
      await apiAt(app.url, bystander)
        .post(`/api/debates/${debate.id}/posts`)
        .send({ body: 'By a stranger' })
        .expect(201)
    ).body;
  }

  /** A post of the participant's, hidden by `hider` (a moderator who is no caller). */
  async function hiddenPost(): Promise<{ id: string }> {
    const post = await createPost(debate.id, 'To be hidden');
    await apiAt(app.url, hider)
      .post(`/api/moderation/posts/${post.id}/actions`)
      .send({ action: 'hide', reason: 'Off topic' })
      .expect(200);
    return post;
  }

  /** A token of its own for a caller, for calls that end a session. */
  async function freshToken(caller: Exclude<Caller, 'guest'>): Promise<string> {
    const user = await app.app.get(UsersService).require(users[caller].id);
    return (await app.app.get(AuthService).startSession(user)).accessToken;
  }

  async function socketOf(caller: Caller): Promise<Socket> {
    const socket = await connect(app, caller === 'guest' ? {} : { user: users[caller] });
    sockets.push(socket);
    return socket;
  }

  const ackStatus = (ack: { ok: boolean; error?: { statusCode: number } }) => (ack.ok ? 200 : ack.error!.statusCode);
  const seenIn = (found: boolean): Cell => (found ? 'seen' : 'unseen');
  const onlyAuthorAndStaff = (seen: Cell, unseen: Cell) =>
    row({ participant: seen, moderator: seen, admin: seen }, unseen);

  const rows: Row[] = [
    // Accounts
    {
      name: 'POST /api/auth/register',
      expected: everyone(201),
      run: async (caller) =>
        (await http(caller).post('/api/auth/register').send({ username: uniqueName(), password: 'long enough' }))
          .status,
    },
    {
      name: 'POST /api/auth/login',
      expected: everyone(200),
      run: async (caller) =>
        (
          await http(caller)
            .post('/api/auth/login')
            .send({ username: bystander.username, password: bystander.password })
        ).status,
    },
    {
      name: 'POST /api/auth/logout',
      expected: signedIn(204, 204),
      run: async (caller) =>
        (await http(caller, caller === 'guest' ? undefined : await freshToken(caller)).post('/api/auth/logout')).status,
    },
    {
      name: 'GET /api/auth/me',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).get('/api/auth/me')).status,
    },
    {
      name: 'PATCH /api/users/:id/role',
      expected: row({ guest: 401, admin: 200 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .patch(`/api/users/${(await make.user()).id}/role`)
            .send({ role: 'moderator' })
        ).status,
    },
    // Article and debates
    {
      name: 'GET /api/articles',
      expected: everyone(200),
      run: async (c) => (await http(c).get('/api/articles')).status,
    },
    {
      name: 'GET /api/articles/:slug',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get('/api/articles/sora-vom-text-zum-film')).status,
    },
    { name: 'GET /api/debates', expected: everyone(200), run: async (c) => (await http(c).get('/api/debates')).status },
    {
      name: 'GET /api/debates/:id',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/debates/${debate.id}`)).status,
    },
    {
      name: 'POST /api/debates',
      expected: row({ guest: 401, organiser: 201, anotherOrganiser: 201, admin: 201 }, 403),
      run: async (caller) => (await http(caller).post('/api/debates').send({ question: 'A new question?' })).status,
    },
    {
      name: 'PATCH /api/debates/:id',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).patch(`/api/debates/${debate.id}`).send({ slowModeSeconds: 0 })).status,
    },
    // Posts
    {
      name: 'GET /api/debates/:id/posts',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/debates/${debate.id}/posts`)).status,
    },
    {
      name: 'GET /api/debates/:id/tree',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/debates/${debate.id}/tree`)).status,
    },
    {
      name: 'POST /api/debates/:id/posts',
      expected: signedIn(201),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/debates/${debate.id}/posts`)
            .send({ body: `By ${caller}` })
        ).status,
    },
    {
      name: 'GET /api/posts/:id',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/posts/${visiblePost.id}`)).status,
    },
    {
      name: 'PATCH /api/posts/:id (the participant’s post)',
      expected: row({ guest: 401, participant: 200, moderator: 200, admin: 200 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .patch(`/api/posts/${visiblePost.id}`)
            .send({ body: `Edited by ${caller}` })
        ).status,
    },
    {
      name: 'GET /api/posts/:id/revisions',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/posts/${visiblePost.id}/revisions`)).status,
    },
    {
      name: 'DELETE /api/posts/:id (the participant’s post)',
      expected: row({ guest: 401, participant: 204, moderator: 204, admin: 204 }, 403),
      run: async (caller) =>
        (await http(caller).delete(`/api/posts/${(await createPost(debate.id, 'To delete')).id}`)).status,
    },
    {
      name: 'PUT /api/posts/:id/vote (another’s post)',
      expected: signedIn(200),
      run: async (caller) => {
        const post = await createPost(debate.id, 'To vote on', 'anotherParticipant');
        return (await http(caller).put(`/api/posts/${post.id}/vote`).send({ value: 1 })).status;
      },
    },
    {
      name: 'GET /api/posts/:id/context',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/posts/${visiblePost.id}/context`)).status,
    },
    // Participants: search, notifications, profiles
    {
      name: 'GET /api/search',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get('/api/search?q=visible')).status,
    },
    {
      name: 'GET /api/notifications',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).get('/api/notifications')).status,
    },
    {
      name: 'POST /api/notifications/read',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).post('/api/notifications/read').send({})).status,
    },
    {
      name: 'GET /api/notifications/settings',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).get('/api/notifications/settings')).status,
    },
    {
      name: 'PATCH /api/notifications/settings',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).patch('/api/notifications/settings').send({ mention: true })).status,
    },
    {
      name: 'GET /api/users/by-name/:username',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/users/by-name/${users.participant.username}`)).status,
    },
    {
      name: 'GET /api/users/by-name/:username/posts',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/users/by-name/${users.participant.username}/posts`)).status,
    },
    {
      name: 'GET /api/users/suggest',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).get('/api/users/suggest?prefix=user')).status,
    },
    // Moderation
    {
      name: 'POST /api/posts/:id/flags (a stranger’s post)',
      expected: signedIn(201),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/posts/${(await strangersPost()).id}/flags`)
            .send({ reason: 'spam' })
        ).status,
    },
    {
      name: 'GET /api/moderation/queue',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => (await http(caller).get('/api/moderation/queue')).status,
    },
    {
      name: 'POST /api/moderation/posts/:id/actions',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/moderation/posts/${(await strangersPost()).id}/actions`)
            .send({ action: 'hide', reason: `By ${caller}` })
        ).status,
    },
    {
      name: 'PUT /api/moderation/posts/:id/label',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .put(`/api/moderation/posts/${(await strangersPost()).id}/label`)
            .send({ kind: 'satire', note: 'A joke.', reason: `By ${caller}` })
        ).status,
    },
    {
      name: 'DELETE /api/moderation/posts/:id/label',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => {
        const post = await strangersPost();
        await apiAt(app.url, hider)
          .put(`/api/moderation/posts/${post.id}/label`)
          .send({ kind: 'satire', note: 'A joke.', reason: 'Labelled' })
          .expect(200);
        return (await http(caller).delete(`/api/moderation/posts/${post.id}/label`).send({ reason: 'Corrected' }))
          .status;
      },
    },
    {
      name: 'POST /api/moderation/users/:id/suspend (a participant)',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/moderation/users/${(await make.user()).id}/suspend`)
            .send({ until: new Date(Date.now() + 86_400_000).toISOString(), reason: `By ${caller}` })
        ).status,
    },
    {
      name: 'POST /api/moderation/users/:id/suspend (a moderator)',
      expected: row({ guest: 401, admin: 200 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/moderation/users/${(await make.user({ role: 'moderator' })).id}/suspend`)
            .send({ until: new Date(Date.now() + 86_400_000).toISOString(), reason: `By ${caller}` })
        ).status,
    },
    {
      name: 'POST /api/moderation/users/:id/unsuspend',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => {
        const user = await make.user();
        await apiAt(app.url, hider)
          .post(`/api/moderation/users/${user.id}/suspend`)
          .send({ until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Suspended' })
          .expect(200);
        return (await http(caller).post(`/api/moderation/users/${user.id}/unsuspend`).send({})).status;
      },
    },
    {
      name: 'GET /api/moderation/suspensions',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => (await http(caller).get('/api/moderation/suspensions')).status,
    },
    {
      name: 'GET /api/moderation/watched-words',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => (await http(caller).get('/api/moderation/watched-words')).status,
    },
    {
      name: 'POST /api/moderation/watched-words',
      expected: row({ guest: 401, moderator: 201, admin: 201 }, 403),
      run: async (caller) =>
        (await http(caller).post('/api/moderation/watched-words').send({ pattern: uniqueWord(), action: 'flag' }))
          .status,
    },
    {
      name: 'DELETE /api/moderation/watched-words/:id',
      expected: row({ guest: 401, moderator: 204, admin: 204 }, 403),
      run: async (caller) => {
        const word = await apiAt(app.url, hider)
          .post('/api/moderation/watched-words')
          .send({ pattern: uniqueWord(), action: 'flag' })
          .expect(201);
        return (await http(caller).delete(`/api/moderation/watched-words/${word.body.id}`)).status;
      },
    },
    {
      name: 'GET /api/moderation/log',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => (await http(caller).get('/api/moderation/log')).status,
    },
    {
      name: 'GET /api/transparency/log',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get('/api/transparency/log')).status,
    },
    {
      name: 'GET /api/transparency/summary',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get('/api/transparency/summary')).status,
    },
    {
      name: 'POST /api/appeals (the participant’s hidden post)',
      expected: row({ guest: 401, participant: 201 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post('/api/appeals')
            .send({ targetType: 'post', targetId: (await hiddenPost()).id, message: `By ${caller}` })
        ).status,
    },
    {
      name: 'POST /api/appeals (the suspended person’s suspension)',
      expected: row({ guest: 401, suspended: 201 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post('/api/appeals')
            .send({ targetType: 'suspension', targetId: users.suspended.id, message: `By ${caller}` })
        ).status,
    },
    {
      name: 'GET /api/appeals/mine',
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).get('/api/appeals/mine')).status,
    },
    {
      name: 'GET /api/appeals',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => (await http(caller).get('/api/appeals')).status,
    },
    {
      name: 'POST /api/appeals/:id/decision',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => {
        const appeal = await http('participant')
          .post('/api/appeals')
          .send({ targetType: 'post', targetId: (await hiddenPost()).id, message: 'Please look again' })
          .expect(201);
        return (
          await http(caller)
            .post(`/api/appeals/${appeal.body.id}/decision`)
            .send({ decision: 'uphold', reason: `By ${caller}` })
        ).status;
      },
    },
    // Live sessions (`organiser` runs them)
    {
      name: 'POST /api/sessions',
      expected: row({ guest: 401, organiser: 201, anotherOrganiser: 201, admin: 201 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post('/api/sessions')
            .send({ title: `By ${caller}`, debateIds: [debate.id] })
        ).status,
    },
    {
      name: 'GET /api/sessions',
      // Everyone signed in lists their own sessions (often none); reading is left to the suspended too.
      expected: signedIn(200, 200),
      run: async (caller) => (await http(caller).get('/api/sessions')).status,
    },
    {
      name: 'GET /api/sessions/:id',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/sessions/${session.id}`)).status,
    },
    {
      name: 'GET /api/sessions/code/:code',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/sessions/code/${session.code}`)).status,
    },
    ...(
      [
        ['start', 'scheduled'],
        ['pause', 'live'],
        ['resume', 'paused'],
        ['end', 'live'],
      ] as const
    ).map(([action, from]) => ({
      name: `POST /api/sessions/:id/${action}`,
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller: Caller) =>
        (await http(caller).post(`/api/sessions/${(await sessionIn(from)).id}/${action}`)).status,
    })),
    {
      name: 'POST /api/sessions/:id/agenda/current',
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).post(`/api/sessions/${session.id}/agenda/current`).send({ debateId: debate.id })).status,
    },
    {
      name: 'POST /api/sessions/:id/timer',
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).post(`/api/sessions/${session.id}/timer`).send({ seconds: 60 })).status,
    },
    {
      name: 'POST /api/sessions/:id/spotlight',
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).post(`/api/sessions/${session.id}/spotlight`).send({ postId: visiblePost.id })).status,
    },
    {
      name: 'GET /api/sessions/:id/report',
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller) => (await http(caller).get(`/api/sessions/${session.id}/report`)).status,
    },
    {
      name: 'POST /api/sessions/:id/polls',
      expected: row({ guest: 401, organiser: 201, admin: 201 }, 403),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/sessions/${session.id}/polls`)
            .send({ question: `By ${caller}?`, options: ['Yes', 'No'], kind: 'quick' })
        ).status,
    },
    {
      name: 'GET /api/sessions/:id/polls',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/sessions/${session.id}/polls`)).status,
    },
    {
      name: 'GET /api/polls/:id',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/polls/${openPoll.id}`)).status,
    },
    {
      name: 'POST /api/polls/:id/open',
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).post(`/api/polls/${(await sessionPoll(session.id, false)).id}/open`)).status,
    },
    {
      name: 'POST /api/polls/:id/close',
      expected: row({ guest: 401, organiser: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).post(`/api/polls/${(await sessionPoll(session.id, true)).id}/close`)).status,
    },
    {
      name: 'PUT /api/polls/:id/vote',
      expected: signedIn(200),
      run: async (caller) => (await http(caller).put(`/api/polls/${openPoll.id}/vote`).send({ optionIndex: 0 })).status,
    },
    {
      name: 'POST /api/sessions/:id/questions',
      expected: signedIn(201),
      run: async (caller) =>
        (
          await http(caller)
            .post(`/api/sessions/${session.id}/questions`)
            .send({ body: `Asked by ${caller}` })
        ).status,
    },
    {
      name: 'GET /api/sessions/:id/questions',
      expected: everyone(200),
      run: async (caller) => (await http(caller).get(`/api/sessions/${session.id}/questions`)).status,
    },
    {
      name: 'PUT /api/questions/:id/upvote',
      expected: signedIn(200),
      run: async (caller) => (await http(caller).put(`/api/questions/${question.id}/upvote`)).status,
    },
    {
      name: 'DELETE /api/questions/:id/upvote',
      expected: signedIn(200),
      run: async (caller) => (await http(caller).delete(`/api/questions/${question.id}/upvote`)).status,
    },
    {
      name: 'PATCH /api/questions/:id',
      expected: row({ guest: 401, organiser: 200, moderator: 200, admin: 200 }, 403),
      run: async (caller) =>
        (await http(caller).patch(`/api/questions/${question.id}`).send({ state: 'answered' })).status,
    },
    { name: 'GET /api/health', expected: everyone(200), run: async (c) => (await http(c).get('/api/health')).status },
    // Pending content: only its author and the moderators ever see it, wherever it could surface.
    {
      name: 'a pending post, read on its own',
      expected: onlyAuthorAndStaff(200, 404),
      run: async (caller) => (await http(caller).get(`/api/posts/${pendingPost.id}`)).status,
    },
    {
      name: 'a pending post, in the debate’s list',
      expected: onlyAuthorAndStaff('seen', 'unseen'),
      run: async (caller) => {
        const list = await http(caller).get(`/api/debates/${premoderated.id}/posts?sort=new`).expect(200);
        return seenIn(list.body.items.some((post: { id: string }) => post.id === pendingPost.id));
      },
    },
    {
      name: 'a pending post, in the tree',
      expected: onlyAuthorAndStaff('seen', 'unseen'),
      run: async (caller) => {
        const tree = await http(caller).get(`/api/debates/${premoderated.id}/tree`).expect(200);
        return seenIn(JSON.stringify(tree.body).includes(pendingPost.id));
      },
    },
    {
      name: 'a pending post, in its revisions',
      expected: onlyAuthorAndStaff(200, 404),
      run: async (caller) => (await http(caller).get(`/api/posts/${pendingPost.id}/revisions`)).status,
    },
    {
      name: 'a pending post, in `missed` on a resume',
      expected: onlyAuthorAndStaff('seen', 'unseen'),
      run: async (caller) => {
        const ack = await request(await socketOf(caller), 'debate:join', { debateId: premoderated.id, since: 0 });
        return seenIn(JSON.stringify(ack).includes(pendingPost.id));
      },
    },
    {
      name: 'a pending post, broadcast live',
      expected: onlyAuthorAndStaff('seen', 'unseen'),
      run: async (caller) => {
        const socket = await socketOf(caller);
        await request(socket, 'debate:join', { debateId: premoderated.id });
        const heard = record(socket, 'post.created');
        const held = await createPost(premoderated.id, 'Pending, live');
        // Staff publish without review: their post is public and marks the end of what could have arrived.
        const marker = nextEvent(socket, 'post.created', (event) => event.data.body === `Marker ${held.id}`);
        await http('moderator')
          .post(`/api/debates/${premoderated.id}/posts`)
          .send({ body: `Marker ${held.id}` });
        await marker;
        return seenIn(heard.some((event) => event.data.id === held.id));
      },
    },
    // Socket messages
    {
      name: 'socket debate:join',
      expected: everyone(200),
      run: async (caller) => ackStatus(await request(await socketOf(caller), 'debate:join', { debateId: debate.id })),
    },
    {
      name: 'socket debate:leave',
      expected: everyone(200),
      run: async (caller) => ackStatus(await request(await socketOf(caller), 'debate:leave', { debateId: debate.id })),
    },
    {
      name: 'socket post:create',
      expected: signedIn(200),
      run: async (caller) =>
        ackStatus(
          await request(await socketOf(caller), 'post:create', {
            debateId: debate.id,
            body: `Socket post by ${caller}`,
          }),
        ),
    },
    {
      name: 'socket typing',
      expected: signedIn(200),
      run: async (caller) => {
        const socket = await socketOf(caller);
        await request(socket, 'debate:join', { debateId: debate.id });
        return ackStatus(await request(socket, 'typing', { debateId: debate.id }));
      },
    },
    {
      name: 'socket session:join',
      expected: everyone(200),
      run: async (caller) =>
        ackStatus(await request(await socketOf(caller), 'session:join', { sessionId: session.id })),
    },
    {
      name: 'socket session:join (by its code)',
      expected: everyone(200),
      run: async (caller) => ackStatus(await request(await socketOf(caller), 'session:join', { code: session.code })),
    },
    {
      name: 'socket session:leave',
      expected: everyone(200),
      run: async (caller) =>
        ackStatus(await request(await socketOf(caller), 'session:leave', { sessionId: session.id })),
    },
    {
      name: 'socket moderation:join',
      expected: row({ guest: 401, moderator: 200, admin: 200 }, 403),
      run: async (caller) => ackStatus(await request(await socketOf(caller), 'moderation:join', {})),
    },
    {
      name: 'socket moderation:leave',
      expected: everyone(200),
      run: async (caller) => ackStatus(await request(await socketOf(caller), 'moderation:leave', {})),
    },
    {
      name: 'socket user:join (one’s own stream)',
      expected: signedIn(200, 200),
      run: async (caller) => ackStatus(await request(await socketOf(caller), 'user:join', {})),
    },
    {
      name: 'socket user:join (the participant’s stream)',
      expected: row({ guest: 401, participant: 200, suspended: 403 }, 403),
      run: async (caller) =>
        ackStatus(await request(await socketOf(caller), 'user:join', { userId: users.participant.id })),
    },
    {
      name: 'socket user:leave',
      expected: everyone(200),
      run: async (caller) =>
        ackStatus(await request(await socketOf(caller), 'user:leave', { userId: users.participant.id })),
    },
  ];

  it.each(rows.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const actual = {} as Expected;
    for (const caller of CALLERS) actual[caller] = await entry.run(caller);
    expect(actual).toEqual(entry.expected);
  });

  it('covers every REST route the server documents', async () => {
    const document = await apiAt(app.url).get('/api/docs-json').expect(200);
    const documented = Object.entries(document.body.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set(rows.map((entry) => entry.name.split(' (')[0]));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

  it('covers every message a socket accepts', () => {
    const contract = app.app.get(SocketContract);
    const accepted = [
      ...contract.streamKinds().flatMap((kind) => [`${kind.name}:join`, `${kind.name}:leave`]),
      ...contract.socketCommands().map((command) => command.name),
      'typing',
    ].map((message) => `socket ${message}`);
    const covered = new Set(rows.map((entry) => entry.name.split(' (')[0]));
    expect(accepted.filter((message) => !covered.has(message))).toEqual([]);
  });
});
