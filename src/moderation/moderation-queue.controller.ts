import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { Actor, MODERATOR_ROLES } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { PostResponseDto } from '../posts/dto/post-response.dto';
import { RemoveLabelDto, SetLabelDto } from './dto/label.dto';
import { ModerationActionDto } from './dto/moderation-action.dto';
import { QueuePageDto, QueueQueryDto } from './dto/queue.dto';
import { ModerationActions } from './moderation-actions.service';
import { QueueService } from './queue.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiTags('moderation')
@ApiSignedIn()
@Roles(...MODERATOR_ROLES)
@Controller('moderation')
export class ModerationQueueController {
  constructor(
    private readonly queue: QueueService,
    private readonly actions: ModerationActions,
  ) {}

  @Get('queue')
  @ApiOperation({
    summary: 'The review queue',
    description:
      'Each item: the post in its debate (and its parent), its flags, the causes that put it there and the ' +
      "author's history. Open items oldest first; resolved ones latest decision first. Live: moderation:join.",
  })
  @ApiOkResponse({ type: QueuePageDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 429)
  list(@Query() query: QueueQueryDto): Promise<QueuePageDto> {
    return this.queue.list(query);
  }

  @Post('posts/:id/actions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve, hide, restore, delete or dismiss a post',
    description:
      "Resolves the post's open queue item. 409 when there is nothing to do, or when `itemId` names an item " +
      'another moderator has resolved meanwhile.',
  })
  @ApiOkResponse({ type: PostResponseDto })
  @ApiErrors(
    400,
    401,
    [403, 'Moderators and admins only.'],
    404,
    [409, 'Nothing to do, or the item was resolved meanwhile.'],
    413,
    415,
    429,
  )
  @ApiIdParam('post')
  act(
    @Param('id', ParseUUIDPipe) postId: string,
    @Body() dto: ModerationActionDto,
    @CurrentUser() moderator: Actor,
  ): Promise<PostResponseDto> {
    return this.actions.act(moderator, postId, dto);
  }

  @Put('posts/:id/label')
  @ApiOperation({
    summary: 'Label a post instead of removing it',
    description: 'A public mark under the post (manipulated media, missing context, satire) with a note and a source.',
  })
  @ApiOkResponse({ type: PostResponseDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 404, [409, 'The post is deleted.'], 413, 415, 429)
  @ApiIdParam('post')
  label(
    @Param('id', ParseUUIDPipe) postId: string,
    @Body() dto: SetLabelDto,
    @CurrentUser() moderator: Actor,
  ): Promise<PostResponseDto> {
    return this.actions.label(moderator, postId, dto);
  }

  @Delete('posts/:id/label')
  @ApiOperation({ summary: "Take a post's label off" })
  @ApiOkResponse({ type: PostResponseDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 404, [409, 'The post has no label.'], 413, 415, 429)
  @ApiIdParam('post')
  unlabel(
    @Param('id', ParseUUIDPipe) postId: string,
    @Body() dto: RemoveLabelDto,
    @CurrentUser() moderator: Actor,
  ): Promise<PostResponseDto> {
    return this.actions.unlabel(moderator, postId, dto);
  }
}
