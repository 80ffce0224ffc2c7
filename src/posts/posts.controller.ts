import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Participant } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiOptionalSignIn, ApiSignedIn } from '../common/openapi/api-auth.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { CreatePostDto } from './dto/create-post.dto';
import { ListPostsQuery, TreeQuery } from './dto/list-posts.query';
import { PostContextDto } from './dto/post-lists.dto';
import {
  PostPageDto,
  PostResponseDto,
  PostTreeDto,
  PostTreeNodeDto,
  RevisionPageDto,
  RevisionResponseDto,
} from './dto/post-response.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { VoteDto, VoteResultDto } from './dto/vote.dto';
import { GuestPages } from './guest-pages';
import { PostReader } from './post-reader.service';
import { PostWriter } from './post-writer.service';

const AUTHOR_OR_MODERATOR = 'Only its author or a moderator may change this post; or the account is suspended.';

@ApiTags('posts')
@Controller()
export class PostsController {
  constructor(
    private readonly reader: PostReader,
    private readonly writer: PostWriter,
    private readonly guestPages: GuestPages,
  ) {}

  @Get('debates/:id/posts')
  @ApiOperation({
    summary: "List one level of a debate's thread",
    description: 'The top-level posts, or the direct replies of `parentId`, in the chosen sort.',
  })
  @ApiIdParam('debate')
  @ApiOptionalSignIn()
  @ApiOkResponse({ type: PostPageDto, description: 'A page of posts the caller may see' })
  @ApiErrors(400, [404, 'No such debate, or parentId is not a post of it the caller may see.'], 429)
  async list(
    @Param('id', ParseUUIDPipe) debateId: string,
    @Query() query: ListPostsQuery,
    @CurrentUser() reader: Actor | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<PostResponseDto> | string> {
    if (reader) return this.reader.list(debateId, query, reader);
    // Guests share one copy of each page, already serialised (GuestPages): sent as it is.
    res.type('application/json');
    return this.guestPages.page(debateId, query);
  }

  @Get('debates/:id/tree')
  @ApiOperation({
    summary: 'Get a thread as a tree',
    description: 'With `rootId`: that post with its replies. Without: `{items}` of every top-level post with theirs.',
  })
  @ApiIdParam('debate')
  @ApiOptionalSignIn()
  @ApiExtraModels(PostTreeDto, PostTreeNodeDto)
  @ApiOkResponse({
    description: '`PostTree` without rootId, the `PostTreeNode` of rootId with it',
    schema: { oneOf: [{ $ref: getSchemaPath(PostTreeDto) }, { $ref: getSchemaPath(PostTreeNodeDto) }] },
  })
  @ApiErrors(400, [404, 'No such debate, or rootId is not a post of it the caller may see.'], 429)
  tree(
    @Param('id', ParseUUIDPipe) debateId: string,
    @Query() query: TreeQuery,
    @CurrentUser() reader: Actor | null,
  ): Promise<PostTreeDto | PostTreeNodeDto> {
    return this.reader.tree(debateId, query, reader);
  }

  /**
   * 201 with the new post; 200 with the first one when the same clientId comes again. The posting limit (60 a
   * minute) is counted in the service, so the socket's post:create shares it.
   */
  @Post('debates/:id/posts')
  @Participant()
  @ApiOperation({
    summary: 'Write a post or a reply',
    description: 'Pre-moderated debates and the first posts of new accounts keep it `pending` until reviewed.',
  })
  @ApiIdParam('debate')
  @ApiSignedIn()
  @ApiCreatedResponse({ type: PostResponseDto, description: 'The new post' })
  @ApiOkResponse({ type: PostResponseDto, description: 'A clientId sent before: the first post, nothing new' })
  @ApiErrors(
    [
      400,
      "Invalid input: also a stance on a reply, a relation on a top-level post, or a sectionId outside the debate's article.",
    ],
    401,
    [403, 'The account is suspended.'],
    [404, 'No such debate, or the parent is not a post of it.'],
    [409, 'The parent takes no replies (not visible), or the clientId was used in another debate.'],
    413,
    415,
    422,
    [423, 'The debate is locked: it takes no new posts (moderators excepted).'],
    [429, "Posting too fast: the posting limit (60 a minute) or the debate's slow mode."],
  )
  async create(
    @Param('id', ParseUUIDPipe) debateId: string,
    @Body() dto: CreatePostDto,
    @CurrentUser() author: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PostResponseDto> {
    const { post, created } = await this.writer.create(author, debateId, dto);
    if (!created) res.status(200);
    return post;
  }

  @Get('posts/:id')
  @ApiOperation({ summary: 'Get a post' })
  @ApiIdParam('post')
  @ApiOptionalSignIn()
  @ApiOkResponse({ type: PostResponseDto, description: 'The post' })
  @ApiErrors(400, 404, 429)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() reader: Actor | null): Promise<PostResponseDto> {
    return this.reader.get(id, reader);
  }

  @Get('posts/:id/context')
  @ApiOperation({
    summary: 'Get a post in its context, for its permalink',
    description: 'The posts above it, top-level first, and the post with every reply below it, however deep.',
  })
  @ApiIdParam('post')
  @ApiOptionalSignIn()
  @ApiOkResponse({ type: PostContextDto, description: 'The post, its ancestors and its subtree' })
  @ApiErrors(400, [404, 'No such post, or the caller may not see it or a post above it.'], 429)
  context(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() reader: Actor | null): Promise<PostContextDto> {
    return this.reader.context(id, reader);
  }

  @Patch('posts/:id')
  @Participant()
  @ApiOperation({ summary: 'Edit a post (its author or a moderator); the old body is kept as a revision' })
  @ApiIdParam('post')
  @ApiSignedIn()
  @ApiOkResponse({ type: PostResponseDto, description: 'The edited post' })
  @ApiErrors(400, 401, [403, AUTHOR_OR_MODERATOR], 404, [409, 'A deleted post cannot be edited.'], 413, 415, 422, 429)
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePostDto,
    @CurrentUser() editor: Actor,
  ): Promise<PostResponseDto> {
    return this.writer.edit(editor, id, dto.body);
  }

  @Get('posts/:id/revisions')
  @ApiOperation({
    summary: "List a post's earlier bodies, oldest first",
    description: "A deleted post's revisions are listed for moderators only; others get an empty page.",
  })
  @ApiIdParam('post')
  @ApiOptionalSignIn()
  @ApiOkResponse({ type: RevisionPageDto, description: 'A page of revisions' })
  @ApiErrors(400, 404, 429)
  revisions(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListQueryDto,
    @CurrentUser() reader: Actor | null,
  ): Promise<Page<RevisionResponseDto>> {
    return this.reader.revisions(id, query, reader);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  @Participant()
  @ApiOperation({
    summary: 'Delete a post (its author or a moderator)',
    description: 'Leaves a tombstone: body and author gone, replies in place. Deleting it again changes nothing.',
  })
  @ApiIdParam('post')
  @ApiSignedIn()
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 401, [403, AUTHOR_OR_MODERATOR], 404, 429)
  async delete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<void> {
    await this.writer.delete(actor, id);
  }

  @Put('posts/:id/vote')
  @Participant()
  @ApiOperation({ summary: 'Vote on a post: up, down, or withdraw' })
  @ApiIdParam('post')
  @ApiSignedIn()
  @ApiOkResponse({ type: VoteResultDto, description: "The post's score and the caller's vote" })
  @ApiErrors(400, 401, [403, 'The account is suspended.'], 404, [409, 'Only visible posts take votes.'], 413, 415, 429)
  vote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VoteDto,
    @CurrentUser() voter: Actor,
  ): Promise<VoteResultDto> {
    return this.writer.vote(voter, id, dto.value);
  }
}
