import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { apiAt } from './api';
import { appGetter, type AppSource, type makers, type TestUser } from './make';
import { connect, request, WireEvent } from './sockets';

/**
 * A word no other test writes: watched words apply to every post in the shared test database, so each test watches
 * words of its own.
 */
export function uniqueWord(prefix = 'zq'): string {
  return `${prefix}${randomBytes(4)
    .toString('hex')
    .replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])}`;
}

export interface TestPost {
  id: string;
  debateId: string;
  status: string;
  body: string;
  seq: number;
  [field: string]: unknown;
}

/** Moderation helpers over the API, beside the general factories. */
export function moderationHelpers(target: AppSource, make: ReturnType<typeof makers>) {
  const app = appGetter(target);
  const api = (user?: TestUser) => apiAt(app().url, user);
  return {
    async post(author: TestUser, debateId: string, body: object = { body: `A post ${uniqueWord()}` }) {
      return (await api(author).post(`/api/debates/${debateId}/posts`).send(body).expect(201)).body as TestPost;
    },

    /** A debate with one visible post by a fresh author. */
    async postedDebate(body = `A post ${uniqueWord()}`) {
      const debate = await make.debate();
      const author = await make.user();
      const post = await this.post(author, debate.id, { body });
      return { debate, author, post };
    },

    flag(user: TestUser, postId: string, body: object = { reason: 'spam' }) {
      return api(user).post(`/api/posts/${postId}/flags`).send(body);
    },

    /** Flags by `count` fresh people. */
    async flaggedBy(count: number, postId: string, reason = 'synthetic_media'): Promise<TestUser[]> {
      const flaggers: TestUser[] = [];
      for (let i = 0; i < count; i++) {
        const flagger = await make.user();
        await this.flag(flagger, postId, { reason }).expect(201);
        flaggers.push(flagger);
      }
      return flaggers;
    },

    act(moderator: TestUser, postId: string, body: object) {
      return api(moderator).post(`/api/moderation/posts/${postId}/actions`).send(body);
    },

    async watch(moderator: TestUser, pattern: string, action: 'block' | 'review' | 'flag') {
      return (await api(moderator).post('/api/moderation/watched-words').send({ pattern, action }).expect(201))
        .body as { id: string; pattern: string; action: string };
    },

    async unwatch(moderator: TestUser, id: string) {
      await api(moderator).delete(`/api/moderation/watched-words/${id}`).expect(204);
    },

    /** Every open item (walking the pages), or the one of a post. */
    async openItems(moderator: TestUser) {
      const items: { id: string; post: TestPost; [field: string]: unknown }[] = [];
      let cursor = '';
      do {
        const page = await api(moderator)
          .get(`/api/moderation/queue?state=open&limit=200&cursor=${cursor}`)
          .expect(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      return items;
    },

    async itemOf(moderator: TestUser, postId: string) {
      return (await this.openItems(moderator)).find((item) => item.post.id === postId);
    },

    /** A socket in the moderation stream; disconnected after the test, as every socket `connect` opens. */
    async moderationSocket(moderator: TestUser): Promise<Socket> {
      const socket = await connect(app(), { user: moderator });
      const ack = await request(socket, 'moderation:join', {});
      if (!ack.ok) throw new Error(`moderation:join refused: ${JSON.stringify(ack.error)}`);
      return socket;
    },

    debateSocket(debateId: string, user?: TestUser): Promise<Socket> {
      return connect(app(), { user, join: debateId });
    },
  };
}

export type { WireEvent };
