import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiSchema,
} from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { Actor, MODERATOR_ROLES } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { CreateWatchedWordDto, WatchedWordDto } from './dto/watched-word.dto';
import { WatchedWords } from './watched-words.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiSchema({ name: 'WatchedWordPage' })
class WatchedWordPageDto {
  @ApiProperty({ type: [WatchedWordDto] }) items: WatchedWordDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiTags('moderation')
@ApiSignedIn()
@Roles(...MODERATOR_ROLES)
@Controller('moderation/watched-words')
export class WatchedWordsController {
  constructor(private readonly words: WatchedWords) {}

  @Get()
  @ApiOperation({ summary: 'The watched words, newest first' })
  @ApiOkResponse({ type: WatchedWordPageDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 429)
  list(@Query() query: ListQueryDto): Promise<WatchedWordPageDto> {
    return this.words.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Watch a word or phrase',
    description:
      'Whole words, case-insensitive, in any script; `*` is the only wildcard. `block` refuses posts and edits ' +
      '(422 naming the rule), `review` holds them, `flag` publishes them and queues them. The same pattern twice → 409.',
  })
  @ApiCreatedResponse({ type: WatchedWordDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], [409, 'The pattern is watched already.'], 413, 415, 429)
  create(@Body() dto: CreateWatchedWordDto, @CurrentUser() moderator: Actor): Promise<WatchedWordDto> {
    return this.words.create(moderator, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop watching a word' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 404, 429)
  @ApiIdParam('watched word')
  async delete(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() moderator: Actor): Promise<void> {
    await this.words.delete(moderator, id);
  }
}
