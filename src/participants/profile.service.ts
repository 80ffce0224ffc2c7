import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { AuthoredPostDto } from '../posts/dto/post-lists.dto';
import { PostReader } from '../posts/post-reader.service';
import { AuthorDto } from '../users/dto/user-response.dto';
import { UsersService } from '../users/users.service';
import { ProfileDto } from './dto/profile.dto';

const SUGGESTIONS = 8;

/** People as others see them: their profile, their posts across debates, and @-name suggestions. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersService,
    private readonly reader: PostReader,
  ) {}

  async profile(username: string): Promise<ProfileDto> {
    const user = await this.users.requireByName(username);
    const [postCount, stances] = await Promise.all([
      this.reader.countVisibleByAuthor(user.id),
      this.reader.stancesOf(user.id),
    ]);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      postCount,
      stances,
    };
  }

  async postsOf(username: string, query: ListQueryDto, reader: Actor | null): Promise<Page<AuthoredPostDto>> {
    const user = await this.users.requireByName(username);
    return this.reader.byAuthor(user.id, query, reader);
  }

  async suggest(prefix: string): Promise<{ items: AuthorDto[] }> {
    const users = await this.users.startingWith(prefix, SUGGESTIONS);
    return { items: users.map(({ id, username, displayName }) => ({ id, username, displayName })) };
  }
}
