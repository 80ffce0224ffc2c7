import { Injectable } from '@nestjs/common';
import { Actor, isSuspended } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import type { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { UnitOfWork } from '../events/unit-of-work';
import { UserResponseDto } from '../users/dto/user-response.dto';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SuspendDto, UnsuspendDto } from './dto/suspension.dto';
import { ModerationLog } from './moderation-log.service';

/**
 * Suspensions: a suspended person can read but every write, over HTTP and on sockets already open, is refused with
 * the end and the reason (the access rules read the account fresh on every request and socket write). Nobody
 * suspends an admin or themselves; only an admin suspends a moderator.
 */
@Injectable()
export class Suspensions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
    private readonly log: ModerationLog,
  ) {}

  async suspend(moderator: Actor, userId: string, dto: SuspendDto): Promise<UserResponseDto> {
    const until = new Date(dto.until);
    if (until.getTime() <= Date.now()) throw new DomainError('invalid_until', 'until must be in the future');
    return this.uow.run(async (tx, events) => {
      const target = await this.users.lock(tx, userId);
      assertMaySuspend(moderator, target);
      const suspended = await this.users.setSuspension(tx, target.id, { until, reason: dto.reason });
      await this.log.append(tx, events, moderator, {
        action: 'suspend',
        targetType: 'user',
        targetId: target.id,
        targetOwnerId: target.id,
        category: dto.category ?? null,
        reason: dto.reason,
      });
      return UserResponseDto.from(suspended);
    });
  }

  async unsuspend(moderator: Actor, userId: string, dto: UnsuspendDto): Promise<UserResponseDto> {
    return this.uow.run(async (tx, events) => {
      const target = await this.users.lock(tx, userId);
      if (!isSuspended(target)) throw new DomainError('not_suspended', `${target.username} is not suspended.`);
      assertMaySuspend(moderator, target);
      const lifted = await this.users.setSuspension(tx, target.id, null);
      await this.log.append(tx, events, moderator, {
        action: 'unsuspend',
        targetType: 'user',
        targetId: target.id,
        targetOwnerId: target.id,
        category: null,
        reason: dto.reason ?? 'Suspension lifted early.',
      });
      return UserResponseDto.from(lifted);
    });
  }

  async list(query: ListQueryDto): Promise<Page<UserResponseDto>> {
    const page = await this.users.suspended(query);
    return { items: page.items.map(UserResponseDto.from), nextCursor: page.nextCursor };
  }
}

function assertMaySuspend(moderator: Actor, target: User): void {
  if (target.id === moderator.id) throw new DomainError('protected_user', 'You cannot suspend yourself.');
  if (target.role === 'admin') throw new DomainError('protected_user', 'An admin cannot be suspended.');
  if (target.role === 'moderator' && moderator.role !== 'admin') {
    throw new DomainError('protected_user', 'Only an admin can suspend a moderator.');
  }
}
