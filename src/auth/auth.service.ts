import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { IsNull, Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { PreparedQueries } from '../database/prepared-queries';
import { User, UserRow, userOf } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthSession } from './auth-session.entity';
import { TOKEN_LIFETIME_SECONDS } from './auth-token';
import { LoginDto, RegisterDto } from './dto/credentials.dto';

interface TokenClaims {
  sub: string;
  sid: string;
}

/** The user behind a live session, as `authenticate` reads it. */

export interface SignedIn {
  accessToken: string;
  user: User;
}

const WRONG_CREDENTIALS = 'Wrong username or password.';

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly decoyHash = argon2.hash('decoy-password-for-timing');

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    private readonly prepared: PreparedQueries,
  ) {}

  async register(dto: RegisterDto): Promise<SignedIn> {
    if (await this.users.exists(dto.username)) {
      throw new DomainError('username_taken', `The username "${dto.username}" is taken.`);
    }
    const user = await this.users.create({
      username: dto.username,
      displayName: dto.displayName ?? dto.username,
      passwordHash: await hashPassword(dto.password),
    });
    return this.startSession(user);
  }

  async login(dto: LoginDto): Promise<SignedIn> {
    const user = await this.users.findForLogin(dto.username);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), dto.password);
    if (!user || !valid) throw new DomainError('invalid_credentials', WRONG_CREDENTIALS);
    delete (user as Partial<User>).passwordHash;
    return this.startSession(user);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The user behind a token, or null when it is invalid, expired or signed out. */
  async authenticate(token: string | null): Promise<{ user: User; sessionId: string } | null> {
    if (!token) return null;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    // Only a session token names both; another token of ours (a device cookie) is no sign-in.
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return null;
    // Every authenticated request and socket write comes here: one query, rows read as they are (a findOne with
    // the user relation took two queries and hydrated two entities).
    const [row] = await this.prepared.query<UserRow>(
      `SELECT u.id, u.username, u.display_name, u.role, u.suspended_until, u.suspension_reason, u.created_at
       FROM auth_sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub],
    );
    if (!row) return null;
    const user = userOf(row);
    return { user, sessionId: claims.sid };
  }

  /** Creates the user unless one of that name exists; used for the first admin. */
  async ensureUser(username: string, password: string, role: User['role']): Promise<boolean> {
    if (await this.users.exists(username)) return false;
    const passwordHash = await hashPassword(password);
    try {
      await this.users.create({ username, displayName: username, passwordHash, role });
      return true;
    } catch (error) {
      // Several nodes starting on one fresh database race here; the one that lost finds the user made.
      if (error instanceof DomainError && error.code === 'username_taken') return false;
      throw error;
    }
  }

  /** A new signed-in device for this user. */
  async startSession(user: User): Promise<SignedIn> {
    const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
    const { identifiers } = await this.sessions.insert({ userId: user.id, expiresAt });
    const claims: TokenClaims = { sub: user.id, sid: identifiers[0].id as string };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: TOKEN_LIFETIME_SECONDS });
    return { accessToken, user };
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
