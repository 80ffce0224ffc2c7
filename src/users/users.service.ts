import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Role, User } from './user.entity';

const UNIQUE_VIOLATION = '23505';

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

  async create(fields: { username: string; displayName: string; passwordHash: string; role?: Role }): Promise<User> {
    try {
      const { identifiers } = await this.users.insert({ ...fields, role: fields.role ?? 'participant' });
      return await this.require(identifiers[0].id as string);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new DomainError('username_taken', `The username "${fields.username}" is taken.`);
      }
      throw error;
    }
  }

  async setRole(id: string, role: Role): Promise<User> {
    const user = await this.require(id);
    await this.users.update({ id }, { role });
    return { ...user, role };
  }
}
