import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiOptionalSignIn, ApiPublic, ApiSignedIn } from '../common/openapi/api-auth.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { AuthoredPostDto, AuthoredPostPageDto } from '../posts/dto/post-lists.dto';
import { ProfileDto, SuggestQuery, UserSuggestionsDto } from './dto/profile.dto';
import { ProfileService } from './profile.service';

const USERNAME = ApiParam({ name: 'username', description: 'A username, in any case' });
const NO_SUCH_PERSON: [404, string] = [404, 'There is no one with this username.'];

@ApiTags('users')
@Controller('users')
export class ProfilesController {
  constructor(private readonly profiles: ProfileService) {}

  @Get('by-name/:username')
  @ApiOperation({ summary: "A person's profile: when they joined, how much they posted, the stances they took" })
  @USERNAME
  @ApiPublic()
  @ApiOkResponse({ type: ProfileDto, description: 'The profile' })
  @ApiErrors(NO_SUCH_PERSON, 429)
  profile(@Param('username') username: string): Promise<ProfileDto> {
    return this.profiles.profile(username);
  }

  @Get('by-name/:username/posts')
  @ApiOperation({ summary: "A person's visible posts in every debate, newest first, each with its debate" })
  @USERNAME
  @ApiOptionalSignIn()
  @ApiOkResponse({ type: AuthoredPostPageDto, description: 'A page of their posts' })
  @ApiErrors(400, NO_SUCH_PERSON, 429)
  posts(
    @Param('username') username: string,
    @Query() query: ListQueryDto,
    @CurrentUser() reader: Actor | null,
  ): Promise<Page<AuthoredPostDto>> {
    return this.profiles.postsOf(username, query, reader);
  }

  @Get('suggest')
  @SignedIn()
  @ApiOperation({ summary: 'People whose username starts with prefix, for @-mentions as one types' })
  @ApiSignedIn()
  @ApiOkResponse({ type: UserSuggestionsDto, description: 'Up to 8 people' })
  @ApiErrors(400, 401, 429)
  suggest(@Query() query: SuggestQuery): Promise<UserSuggestionsDto> {
    return this.profiles.suggest(query.prefix);
  }
}
