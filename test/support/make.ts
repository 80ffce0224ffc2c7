import { randomBytes } from 'node:crypto';
import { AuthService, hashPassword } from '../../src/auth/auth.service';
import type { Role } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
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

export function uniqueName(prefix = 'user'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

const PASSWORD = 'correct horse battery';
// argon2id is slow on purpose; one hash serves every factory user so suites stay fast.
const passwordHash = hashPassword(PASSWORD);

/** Factories with defaults and overrides. Registration itself is covered through the API in auth tests. */
export function makers(app: TestApp) {
  return {
    async user(overrides: { role?: Role; username?: string } = {}): Promise<TestUser> {
      const username = overrides.username ?? uniqueName();
      const role = overrides.role ?? 'participant';
      const user = await app.app
        .get(UsersService)
        .create({ username, displayName: username, passwordHash: await passwordHash, role });
      const { accessToken: token } = await app.app.get(AuthService).startSession(user);
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
      const article = await app.http().get('/api/articles/sora-vom-text-zum-film').expect(200);
      return article.body.sections.map((section: { id: string }) => section.id);
    },

    async debate(
      overrides: { question?: string; sectionIds?: string[] } = {},
    ): Promise<{ id: string; articleId: string }> {
      const organiser = await this.user({ role: 'organiser' });
      const response = await app
        .http()
        .post('/api/debates')
        .set(organiser.auth)
        .send({ question: overrides.question ?? `Is this a test question ${uniqueName('q')}?`, ...overrides })
        .expect(201);
      return response.body;
    },
  };
}
