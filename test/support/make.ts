import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { AuthService, hashPassword } from '../../src/auth/auth.service';
import type { Role } from '../../src/common/auth/actor';
import type { CreateDebateDto } from '../../src/debates/dto/create-debate.dto';
import type { DebateResponseDto } from '../../src/debates/dto/debate-response.dto';
import type { UpdateDebateDto } from '../../src/debates/dto/update-debate.dto';
import type { CreatePostDto } from '../../src/posts/dto/create-post.dto';
import type { PostResponseDto } from '../../src/posts/dto/post-response.dto';
import { UnitOfWork } from '../../src/events/unit-of-work';
import type { PostStatus } from '../../src/posts/post.entity';
import { PostWriter } from '../../src/posts/post-writer.service';
import { UsersService } from '../../src/users/users.service';
import { apiAt } from './api';
import type { TestApp } from './app';

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  token: string;
  password: string;
  /** `Authorization` header for this user's requests. */
  auth: { Authorization: string };
}

export type TestDebate = DebateResponseDto;
export type TestPost = PostResponseDto;

export function uniqueName(prefix = 'user'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

const PASSWORD = 'correct horse battery';
// argon2id is slow on purpose; one hash serves every factory user so suites stay fast.
const passwordHash = hashPassword(PASSWORD);

/** The ids of posts (or anything with one), in their order: for comparing lists. */
export function idsOf(items: { id: string }[]): string[] {
  return items.map((item) => item.id);
}

/** The response's body when it has `status`; else an error that shows what the server said instead. */
export function bodyOf<T>(response: Response, status: number): T {
  if (response.status !== status) {
    const { method, url } = response.request;
    throw new Error(`${method} ${url} answered ${response.status}, not ${status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

/**
 * Factories with defaults and overrides. Users are made in the database (registration itself is covered through the
 * API in auth tests); debates, posts and votes go through the API as a client sends them.
 */
/** A running test app, or (useTestApp's `app`) a getter for the one its beforeAll starts. */
export type AppSource = TestApp | (() => TestApp);

/** The getter behind either kind of AppSource: helpers built before the app starts read it at call time. */
export function appGetter(source: AppSource): () => TestApp {
  return typeof source === 'function' ? source : () => source;
}

export function makers(target: AppSource) {
  const app = appGetter(target);
  const api = (user?: TestUser) => apiAt(app().url, user);

  const make = {
    async user(overrides: { role?: Role; username?: string } = {}): Promise<TestUser> {
      const username = overrides.username ?? uniqueName();
      const role = overrides.role ?? 'participant';
      const user = await app()
        .app.get(UsersService)
        .create({ username, displayName: username, passwordHash: await passwordHash, role });
      const { accessToken: token } = await app().app.get(AuthService).startSession(user);
      return {
        id: user.id,
        username,
        displayName: username,
        role,
        token,
        password: PASSWORD,
        auth: { Authorization: `Bearer ${token}` },
      };
    },

    /** The seeded article's section ids, in order. */
    async sectionIds(): Promise<string[]> {
      const article = bodyOf<{ sections: { id: string }[] }>(
        await api().get('/api/articles/sora-vom-text-zum-film'),
        200,
      );
      return article.sections.map((section) => section.id);
    },

    /**
     * A debate asked by a fresh organiser. Moderation settings (`status`, `slowModeSeconds`, `premoderated`) are
     * then set by a fresh moderator, as they would be.
     */
    async debate(overrides: Partial<CreateDebateDto> & UpdateDebateDto = {}): Promise<TestDebate> {
      const { status, slowModeSeconds, premoderated, ...fields } = overrides;
      const organiser = await make.user({ role: 'organiser' });
      const debate = bodyOf<TestDebate>(
        await api(organiser)
          .post('/api/debates')
          .send({ question: `Is this a test question ${uniqueName('q')}?`, ...fields }),
        201,
      );
      const settings = Object.fromEntries(
        Object.entries({ status, slowModeSeconds, premoderated }).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(settings).length === 0) return debate;
      const moderator = await make.user({ role: 'moderator' });
      return bodyOf(await api(moderator).patch(`/api/debates/${debate.id}`).send(settings), 200);
    },

    /** A new post in `debate` by `author`, a fresh participant unless given. */
    async post(
      debate: { id: string },
      overrides: Partial<CreatePostDto> & { author?: TestUser } = {},
    ): Promise<TestPost> {
      const { author = await make.user(), ...fields } = overrides;
      return bodyOf(
        await api(author)
          .post(`/api/debates/${debate.id}/posts`)
          .send({ body: 'An argument made for the test.', ...fields }),
        201,
      );
    },

    /** A new reply to `parent`, by a fresh participant unless `author` is given. */
    async reply(
      parent: Pick<TestPost, 'id' | 'debateId'>,
      overrides: Omit<Partial<CreatePostDto>, 'parentId' | 'stance'> & { author?: TestUser } = {},
    ): Promise<TestPost> {
      return make.post(
        { id: parent.debateId },
        { body: 'A reply made for the test.', ...overrides, parentId: parent.id },
      );
    },

    /** `voter` votes `value` on `post`; answers the post's new score and the voter's vote. */
    async vote(
      post: { id: string },
      voter: TestUser,
      value: 1 | -1 | 0 = 1,
    ): Promise<{ score: number; myVote: number }> {
      return bodyOf(await api(voter).put(`/api/posts/${post.id}/vote`).send({ value }), 200);
    },

    /**
     * Moves a post to another status as moderation does (PostWriter.setStatus, with counters, events and what
     * listeners write), acting as `actor`.
     */
    async setStatus(post: { id: string }, to: Exclude<PostStatus, 'pending'>, actor: TestUser): Promise<void> {
      const writer = app().app.get(PostWriter);
      await app()
        .app.get(UnitOfWork)
        .run(async (tx, events) => {
          const locked = await writer.lockWithDebate(tx, post.id, {
            ...actor,
            suspendedUntil: null,
            suspensionReason: null,
          });
          await writer.setStatus(tx, events, locked, to, { actorId: actor.id });
        });
    },

    /** Marks a post hidden, straight in the table (no counters, no event): moderation has no route yet. */
    async hide(post: { id: string }): Promise<void> {
      await app().dataSource.query(`UPDATE posts SET status = 'hidden' WHERE id = $1`, [post.id]);
    },
  };
  return make;
}
