import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/errors/database-error';
import { DomainError } from '../common/errors/domain-error';
import { MODERATOR_ROLES, Role } from '../common/auth/actor';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { User, UserRow, userOf } from './user.entity';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async require(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainError('not_found', 'No such user.');
    return user;
  }

  /** With the password hash, for signing in; usernames match case-insensitively. */
  findForLogin(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  async exists(username: string): Promise<boolean> {
    return this.users
      .createQueryBuilder('user')
      .where('lower(user.username) = lower(:username)', { username })
      .getExists();
  }

  /** Of these names (any case), the accounts that exist, as they were registered. */
  async named(names: string[], tx: EntityManager = this.users.manager): Promise<Pick<User, 'id' | 'username'>[]> {
    if (names.length === 0) return [];
    return tx
      .getRepository(User)
      .createQueryBuilder('user')
      .select(['user.id', 'user.username'])
      .where('lower(user.username) IN (:...names)', { names: names.map((name) => name.toLowerCase()) })
      .orderBy('user.username')
      .getMany();
  }

  /** The account with this username (any case), or 404. */
  async requireByName(username: string): Promise<User> {
    const user = await this.users
      .createQueryBuilder('user')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    if (!user) throw new DomainError('not_found', `There is no one called @${username}.`);
    return user;
  }

  /** Up to `limit` accounts whose username starts with `prefix` (any case), shortest first: for @-suggestions. */
  async startingWith(prefix: string, limit: number): Promise<User[]> {
    const escaped = prefix.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`);
    return this.users
      .createQueryBuilder('user')
      .where(`lower(user.username) LIKE :pattern ESCAPE '\\'`, { pattern: `${escaped}%` })
      .orderBy('length(user.username)')
      .addOrderBy('lower(user.username)')
      .limit(limit)
      .getMany();
  }

  async create(fields: { username: string; displayName: string; passwordHash: string; role?: Role }): Promise<User> {
    try {
      const { identifiers } = await this.users.insert({ ...fields, role: fields.role ?? 'participant' });
      return await this.require(identifiers[0].id as string);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('username_taken', `The username "${fields.username}" is taken.`);
      }
      throw error;
    }
  }

  /**
   * Refuses (409) to take the role from the last admin, so someone can always administer. Every admin row is locked
   * in one order first: two admins demoting each other at once queue here, and the second finds itself the last.
   */
  async setRole(id: string, role: Role): Promise<User> {
    return this.users.manager.transaction(async (tx) => {
      const users = tx.getRepository(User);
      const admins = await users.find({
        select: { id: true },
        where: { role: 'admin' },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const user = await users.findOneBy({ id });
      if (!user) throw new DomainError('not_found', 'No such user.');
      if (user.role === 'admin' && role !== 'admin' && admins.length <= 1) {
        throw new DomainError('conflict', 'This is the last admin: make another admin first.');
      }
      await users.update({ id }, { role });
      return { ...user, role };
    });
  }

  /** The user, locked for the rest of the transaction (a suspension and its log entry commit together). */
  async lock(tx: EntityManager, id: string): Promise<User> {
    const user = await tx.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new DomainError('not_found', 'No such user.');
    return user;
  }

  /** Suspends until a time with a reason, or (null) lifts the suspension; the next request and socket write see it. */
  async setSuspension(
    tx: EntityManager,
    id: string,
    suspension: { until: Date; reason: string } | null,
  ): Promise<User> {
    await tx
      .getRepository(User)
      .update({ id }, { suspendedUntil: suspension?.until ?? null, suspensionReason: suspension?.reason ?? null });
    return tx.getRepository(User).findOneByOrFail({ id });
  }

  /** These users by id, in one query. */
  async findMany(ids: string[], tx: EntityManager = this.users.manager): Promise<Map<string, User>> {
    if (ids.length === 0) return new Map();
    // Raw rows: a page of the moderation queue asks for fifty people, and hydrating entities costs more than the query.
    const rows: UserRow[] = await tx.query(
      `SELECT id, username, display_name, role, suspended_until, suspension_reason, created_at
       FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, userOf(row)]));
  }

  /** Everyone suspended now, whose suspension ends first first. */
  async suspended(query: ListQueryDto): Promise<Page<User>> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const builder = this.users
      .createQueryBuilder('user')
      .where('user.suspendedUntil > now()')
      .orderBy('user.suspendedUntil')
      .addOrderBy('user.id')
      .limit(query.limit + 1);
    if (after) {
      builder.andWhere('(user.suspendedUntil, user.id) > (:until, :id)', { until: after[0], id: after[1] });
    }
    return toPage(
      await builder.getMany(),
      query.limit,
      (user) => [user.suspendedUntil!.toISOString(), user.id],
      (u) => u,
    );
  }

  /** Whether someone other than this person moderates (and is not suspended). */
  async otherModeratorExists(exceptId: string, tx: EntityManager = this.users.manager): Promise<boolean> {
    return tx
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.role IN (:...roles) AND user.id <> :exceptId', { roles: MODERATOR_ROLES, exceptId })
      .andWhere('(user.suspendedUntil IS NULL OR user.suspendedUntil <= now())')
      .getExists();
  }
}
