import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Participant } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CreateFlagDto, FlagResponseDto } from './dto/flag.dto';
import { FlagService } from './flag.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiTags('moderation')
@Controller('posts')
export class FlagsController {
  constructor(private readonly flags: FlagService) {}

  @Post(':id/flags')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({
    summary: 'Flag a post for the moderators',
    description:
      'One flag per person and post (409), not on your own post (400), at most 20 a day (429 with retryAfter). ' +
      'When FLAG_HIDE_THRESHOLD distinct people have flagged a post it is hidden pending review.',
  })
  @ApiCreatedResponse({ type: FlagResponseDto })
  @ApiErrors(
    [400, 'Invalid input, or the caller’s own post.'],
    401,
    403,
    404,
    [409, 'Already flagged by the caller, or not flaggable.'],
    413,
    415,
    [429, 'Too many flags today, or too many requests.'],
  )
  @ApiIdParam('post')
  flag(
    @Param('id', ParseUUIDPipe) postId: string,
    @Body() dto: CreateFlagDto,
    @CurrentUser() flagger: Actor,
  ): Promise<FlagResponseDto> {
    return this.flags.flag(flagger, postId, dto);
  }
}
