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
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Participant } from '../common/auth/access';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { User } from '../users/user.entity';
import { CreatePostDto } from './dto/create-post.dto';
import { ListPostsQuery, TreeQuery } from './dto/list-posts.query';
import { PostResponseDto, PostTreeNodeDto } from './dto/post-response.dto';
import { UpdatePostDto } from './dto/update-post.dto';
import { VoteDto, VoteResultDto } from './dto/vote.dto';
import { PostsService } from './posts.service';

@ApiTags('posts')
@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Get('debates/:id/posts')
  list(
    @Param('id', ParseUUIDPipe) debateId: string,
    @Query() query: ListPostsQuery,
    @CurrentUser() reader: User | null,
  ): Promise<Page<PostResponseDto>> {
    return this.posts.list(debateId, query, reader);
  }

  @Get('debates/:id/tree')
  @ApiOkResponse({ type: PostTreeNodeDto, description: 'The subtree of rootId, or `{items}` of every top-level post' })
  tree(@Param('id', ParseUUIDPipe) debateId: string, @Query() query: TreeQuery, @CurrentUser() reader: User | null) {
    return this.posts.tree(debateId, query, reader);
  }

  /**
   * 201 with the new post; 200 with the first one when the same clientId comes again. The posting limit (60 a
   * minute) is counted in the service, so the socket's post:create shares it.
   */
  @Post('debates/:id/posts')
  @Participant()
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: PostResponseDto })
  async create(
    @Param('id', ParseUUIDPipe) debateId: string,
    @Body() dto: CreatePostDto,
    @CurrentUser() author: User,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PostResponseDto> {
    const { post, created } = await this.posts.create(author, debateId, dto);
    if (!created) res.status(200);
    return post;
  }

  @Get('posts/:id')
  @ApiOkResponse({ type: PostResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() reader: User | null): Promise<PostResponseDto> {
    return this.posts.get(id, reader);
  }

  @Patch('posts/:id')
  @Participant()
  @ApiBearerAuth()
  @ApiOkResponse({ type: PostResponseDto })
  edit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePostDto,
    @CurrentUser() editor: User,
  ): Promise<PostResponseDto> {
    return this.posts.edit(editor, id, dto.body);
  }

  @Get('posts/:id/revisions')
  revisions(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListQueryDto, @CurrentUser() reader: User | null) {
    return this.posts.revisions(id, query, reader);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  @Participant()
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async delete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: User): Promise<void> {
    await this.posts.delete(actor, id);
  }

  @Put('posts/:id/vote')
  @Participant()
  @ApiBearerAuth()
  @ApiOkResponse({ type: VoteResultDto })
  vote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VoteDto,
    @CurrentUser() voter: User,
  ): Promise<VoteResultDto> {
    return this.posts.vote(voter, id, dto.value);
  }
}
