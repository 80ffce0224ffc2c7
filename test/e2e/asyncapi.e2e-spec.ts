import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemas as asyncApiSpecs } from '@asyncapi/specs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Socket } from 'socket.io-client';
import { SocketContract } from '../../src/events/socket-contract';
import { useTestApp } from '../support/app';
import { bodyOf, TestUser } from '../support/make';
import { SchemaChecker } from '../support/openapi';
import { nextEvent, request } from '../support/sockets';

type Schema = Record<string, unknown>;

interface AsyncApiDocument {
  asyncapi: string;
  channels: Record<string, { messages: Record<string, { $ref: string }> }>;
  operations: Record<
    string,
    { action: 'send' | 'receive'; messages: { $ref: string }[]; reply?: { messages: { $ref: string }[] } }
  >;
  components: { schemas: Record<string, Schema>; messages: Record<string, { name: string; payload: Schema }> };
}

describe('the AsyncAPI document', () => {
  const { app, make, api, connect } = useTestApp();
  let document: AsyncApiDocument;
  let schemas: SchemaChecker;

  beforeAll(async () => {
    document = (await api().get('/api/asyncapi.json').expect(200).expect('Content-Type', /json/)).body;
    schemas = new SchemaChecker(document.components.schemas);
  });

  const open = (user?: TestUser): Promise<Socket> => connect({ user });

  /**
   * The names of the messages the operations with this action carry (client → server: `receive`); `presence` once,
   * though every kind with presence sends one.
   */
  const messageNames = (action: 'send' | 'receive') =>
    [
      ...new Set(
        Object.values(document.operations)
          .filter((operation) => operation.action === action)
          .flatMap((operation) => operation.messages.map(({ $ref }) => messageAt($ref).name)),
      ),
    ].sort();

  function messageAt(ref: string): { name: string; payload: Schema } {
    const [, , channel, , key] = ref.split('/');
    const { $ref } = document.channels[channel].messages[key];
    return document.components.messages[$ref.split('/').pop()!];
  }

  /** Fails unless `value` is an instance of the payload of the ack of `name`, or of the event `name`. */
  const expectAck = (name: string, value: unknown) => expectPayload(`${name} ack`, 'receive', value);
  /** The names of the events checked, to show at the end that every documented one was seen. */
  const seenEvents = new Set<string>();
  const expectEvent = (name: string, value: unknown) => {
    seenEvents.add(name);
    expectPayload(name, 'send', value);
  };

  function expectPayload(name: string, action: 'send' | 'receive', value: unknown): void {
    const operations = Object.values(document.operations).filter((operation) => operation.action === action);
    const refs = operations.flatMap((operation) => [...operation.messages, ...(operation.reply?.messages ?? [])]);
    // Several kinds send an event of the same name (`presence`, each with its stream pattern): one must fit.
    const messages = refs.map(({ $ref }) => messageAt($ref)).filter((candidate) => candidate.name === name);
    const problems = messages.map((message) => schemas.problems(message.payload, value));
    expect({
      [name]:
        messages.length === 0
          ? ['not in the document']
          : (problems.find((found) => found.length === 0) ?? problems.flat()),
    }).toEqual({ [name]: [] });
  }

  it('is the committed docs/asyncapi.json, which the client types are generated from', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/asyncapi.json'), 'utf8'));
    expect(document).toEqual(committed);
  });

  it('is a valid AsyncAPI 3.0 document', () => {
    // The specification's schema bundles JSON Schema draft-07 itself, so Ajv must not add its own copy.
    const ajv = new Ajv({ strict: false, allErrors: true, meta: false, validateSchema: false });
    addFormats(ajv);
    const validate = ajv.compile(asyncApiSpecs['3.0.0']);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(document.asyncapi).toBe('3.0.0');
  });

  it('describes every message the socket answers and every event its streams carry', () => {
    const contract = app().app.get(SocketContract);
    const kinds = contract.streamKinds();
    const accepted = [
      ...kinds.flatMap((kind) => [`${kind.name}:join`, `${kind.name}:leave`]),
      ...contract.socketCommands().map((command) => command.name),
      'typing',
    ];
    expect(messageNames('receive')).toEqual(accepted.sort());
    const sent = [...new Set(kinds.flatMap((kind) => [...Object.keys(kind.events), 'presence'])), 'typing'];
    expect(messageNames('send')).toEqual(sent.sort());
  });

  it('acks joins, posts, typing and leaves as documented, and sends events as documented', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const reader = await open();
    const writer = await open(author);

    expectAck('debate:join', await request(reader, 'debate:join', { debateId: debate.id }));
    const presence = nextEvent(reader, 'presence', (event) => (event as unknown as { count: number }).count === 2);
    expectAck('debate:join', await request(writer, 'debate:join', { debateId: debate.id }));
    expectEvent('presence', await presence);

    const created = nextEvent(reader, 'post.created');
    const posted = await request(writer, 'post:create', { debateId: debate.id, body: 'Labels help.', stance: 'pro' });
    expectAck('post:create', posted);
    expectEvent('post.created', await created);

    const typing = nextEvent(reader, 'typing');
    expectAck('typing', await request(writer, 'typing', { debateId: debate.id }));
    expectEvent('typing', await typing);

    const voted = nextEvent(reader, 'post.voted');
    const postId = (posted as unknown as { post: { id: string } }).post.id;
    await make.vote({ id: postId }, await make.user());
    expectEvent('post.voted', await voted);
    const updated = nextEvent(reader, 'debate.updated');
    const moderator = await make.user({ role: 'moderator' });
    await api(moderator).patch(`/api/debates/${debate.id}`).send({ slowModeSeconds: 5 }).expect(200);
    expectEvent('debate.updated', await updated);
    const deleted = nextEvent(reader, 'post.deleted');
    await api(author).delete(`/api/posts/${postId}`).expect(204);
    expectEvent('post.deleted', await deleted);

    const resumed = await request(await open(), 'debate:join', { debateId: debate.id, since: 0 });
    expect((resumed as unknown as { missed: unknown[] }).missed).toHaveLength(4);
    expectAck('debate:join', resumed);
    expectAck('debate:leave', await request(reader, 'debate:leave', { debateId: debate.id }));
  });

  it('acks the personal stream as documented and sends notifications as documented', async () => {
    const debate = await make.debate();
    const author = await make.user();
    const socket = await open(author);
    expectAck('user:join', await request(socket, 'user:join', {}));
    const notified = nextEvent(socket, 'notification.created');
    const post = await make.post(debate, { author });
    await make.reply(post);
    expectEvent('notification.created', await notified);
    const resumed = await request(await open(author), 'user:join', { since: 0 });
    expect((resumed as unknown as { missed: unknown[] }).missed).toHaveLength(1);
    expectAck('user:join', resumed);
    const refused = await request(await open(await make.user()), 'user:join', { userId: author.id });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expectAck('user:join', refused);
    expectAck('user:leave', await request(socket, 'user:leave', { userId: author.id }));
  });

  it('acks refusals as documented', async () => {
    const guest = await open();
    const unknown = await request(guest, 'debate:join', { debateId: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { statusCode: 404 } });
    expectAck('debate:join', unknown);
    const signedOut = await request(guest, 'post:create', { debateId: randomUUID(), body: 'As a guest' });
    expect(signedOut).toMatchObject({ ok: false, error: { statusCode: 401 } });
    expectAck('post:create', signedOut);
    const invalid = await request(guest, 'debate:leave', { debateId: 'not-a-uuid', extra: true });
    expect(invalid).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expectAck('debate:leave', invalid);
  });
  it('acks the session stream as documented and sends its events as documented', async () => {
    const organiser = await make.user({ role: 'organiser' });
    const voter = await make.user();
    const debate = await make.debate();
    const post = await make.post(debate);
    const session = bodyOf<{ id: string; code: string }>(
      await api(organiser)
        .post('/api/sessions')
        .send({ title: 'Sora in class', debateIds: [debate.id] }),
      201,
    );
    const watcher = await open();
    expectAck('session:join', await request(watcher, 'session:join', { sessionId: session.id }));
    const presence = nextEvent(watcher, 'presence', (event) => (event as unknown as { count: number }).count === 2);
    expectAck('session:join', await request(await open(voter), 'session:join', { code: session.code }));
    expectEvent('presence', await presence);

    const started = nextEvent(watcher, 'session.updated');
    await api(organiser).post(`/api/sessions/${session.id}/start`).expect(200);
    expectEvent('session.updated', await started);
    const spotlit = nextEvent(watcher, 'spotlight.changed');
    await api(organiser).post(`/api/sessions/${session.id}/spotlight`).send({ postId: post.id }).expect(200);
    expectEvent('spotlight.changed', await spotlit);

    const poll = bodyOf<{ id: string }>(
      await api(organiser)
        .post(`/api/sessions/${session.id}/polls`)
        .send({ question: 'Mandatory labels?', options: ['Yes', 'No'], kind: 'quick' }),
      201,
    );
    const opened = nextEvent(watcher, 'poll.opened');
    await api(organiser).post(`/api/polls/${poll.id}/open`).expect(200);
    expectEvent('poll.opened', await opened);
    const results = nextEvent(watcher, 'poll.results');
    await api(voter).put(`/api/polls/${poll.id}/vote`).send({ optionIndex: 0 }).expect(200);
    expectEvent('poll.results', await results);
    const closed = nextEvent(watcher, 'poll.closed');
    await api(organiser).post(`/api/polls/${poll.id}/close`).expect(200);
    expectEvent('poll.closed', await closed);

    const asked = nextEvent(watcher, 'question.created');
    const question = bodyOf<{ id: string }>(
      await api(voter).post(`/api/sessions/${session.id}/questions`).send({ body: 'Who checks?' }),
      201,
    );
    expectEvent('question.created', await asked);
    const upvoted = nextEvent(watcher, 'question.upvoted');
    await api(organiser).put(`/api/questions/${question.id}/upvote`).expect(200);
    expectEvent('question.upvoted', await upvoted);
    const answered = nextEvent(watcher, 'question.updated');
    await api(organiser).patch(`/api/questions/${question.id}`).send({ state: 'answered' }).expect(200);
    expectEvent('question.updated', await answered);

    const resumed = await request(await open(), 'session:join', { sessionId: session.id, since: 0 });
    expect((resumed as unknown as { missed: unknown[] }).missed.length).toBeGreaterThan(0);
    expectAck('session:join', resumed);
    const unknown = await request(watcher, 'session:join', { code: 'ZZZZZZ' });
    expect(unknown).toMatchObject({ ok: false, error: { statusCode: 404 } });
    expectAck('session:join', unknown);
    expectAck('session:leave', await request(watcher, 'session:leave', { sessionId: session.id }));
  });

  it('acks the moderation stream as documented and sends its events, and moderated posts, as documented', async () => {
    const moderator = await make.user({ role: 'moderator' });
    const judge = await make.user({ role: 'moderator' });
    const author = await make.user();
    const debate = await make.debate();
    const post = await make.post(debate, { author });
    const desk = await open(moderator);
    expectAck('moderation:join', await request(desk, 'moderation:join', {}));
    const reader = await open();
    await request(reader, 'debate:join', { debateId: debate.id });

    const flagged = nextEvent(desk, 'flag.created');
    const queued = nextEvent(desk, 'queue.updated');
    await api(await make.user())
      .post(`/api/posts/${post.id}/flags`)
      .send({ reason: 'spam' })
      .expect(201);
    expectEvent('flag.created', await flagged);
    expectEvent('queue.updated', await queued);

    const hidden = nextEvent(reader, 'post.hidden');
    const logged = nextEvent(desk, 'log.appended');
    await api(moderator)
      .post(`/api/moderation/posts/${post.id}/actions`)
      .send({ action: 'hide', reason: 'Spam' })
      .expect(200);
    expectEvent('post.hidden', await hidden);
    expectEvent('log.appended', await logged);

    const appealed = nextEvent(desk, 'appeal.created');
    const appeal = bodyOf<{ id: string }>(
      await api(author).post('/api/appeals').send({ targetType: 'post', targetId: post.id, message: 'Not spam' }),
      201,
    );
    expectEvent('appeal.created', await appealed);
    const decided = nextEvent(desk, 'appeal.decided');
    const restored = nextEvent(reader, 'post.restored');
    await api(judge)
      .post(`/api/appeals/${appeal.id}/decision`)
      .send({ decision: 'reverse', reason: 'Not spam' })
      .expect(200);
    expectEvent('appeal.decided', await decided);
    expectEvent('post.restored', await restored);

    const labelled = nextEvent(reader, 'post.labelled');
    await api(moderator)
      .put(`/api/moderation/posts/${post.id}/label`)
      .send({ kind: 'satire', note: 'A joke.', reason: 'Satire' })
      .expect(200);
    expectEvent('post.labelled', await labelled);
    const edited = nextEvent(reader, 'post.updated');
    await api(author).patch(`/api/posts/${post.id}`).send({ body: 'Edited after the label.' }).expect(200);
    expectEvent('post.updated', await edited);

    const resumed = await request(await open(judge), 'moderation:join', { since: 0 });
    expect((resumed as unknown as { missed: unknown[] }).missed.length).toBeGreaterThan(0);
    expectAck('moderation:join', resumed);
    const refused = await request(await open(author), 'moderation:join', {});
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expectAck('moderation:join', refused);
    expectAck('moderation:leave', await request(desk, 'moderation:leave', {}));
  });

  it('has seen every documented event in the tests above', () => {
    expect(messageNames('send').filter((name) => !seenEvents.has(name))).toEqual([]);
  });
});
