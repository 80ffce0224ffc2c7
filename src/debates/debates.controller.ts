import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { MODERATOR_ROLES } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiPublic, ApiSignedIn } from '../common/openapi/api-auth.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import type { Actor } from '../common/auth/actor';
import { DebatesService } from './debates.service';
import { CreateDebateDto } from './dto/create-debate.dto';
import { DebatePageDto, DebateResponseDto } from './dto/debate-response.dto';
import { UpdateDebateDto } from './dto/update-debate.dto';

@ApiTags('debates')
@Controller('debates')
export class DebatesController {
  constructor(private readonly debates: DebatesService) {}

  @Get()
  @ApiOperation({ summary: 'List debates, oldest first' })
  @ApiPublic()
  @ApiOkResponse({ type: DebatePageDto, description: 'A page of debates' })
  @ApiErrors(400, 429)
  list(@Query() query: ListQueryDto): Promise<Page<DebateResponseDto>> {
    return this.debates.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a debate with its counts' })
  @ApiIdParam('debate')
  @ApiPublic()
  @ApiOkResponse({ type: DebateResponseDto, description: 'The debate' })
  @ApiErrors(400, 404, 429)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DebateResponseDto> {
    return DebateResponseDto.from(await this.debates.require(id));
  }

  @Post()
  @Roles('organiser', 'admin')
  @ApiOperation({ summary: 'Open a debate (organisers and admins)' })
  @ApiSignedIn()
  @ApiCreatedResponse({ type: DebateResponseDto, description: 'The new debate' })
  @ApiErrors(
    [400, 'Invalid input, or sectionIds that are not sections of one article (or not of articleId).'],
    401,
    [403, 'Only organisers and admins open debates.'],
    413,
    415,
    429,
  )
  async create(@CurrentUser() user: Actor, @Body() dto: CreateDebateDto): Promise<DebateResponseDto> {
    return DebateResponseDto.from(await this.debates.create(user, dto));
  }

  @Patch(':id')
  @Roles(...MODERATOR_ROLES)
  @ApiOperation({ summary: 'Lock or unlock a debate, set slow mode or pre-moderation (moderators)' })
  @ApiIdParam('debate')
  @ApiSignedIn()
  @ApiOkResponse({ type: DebateResponseDto, description: 'The changed debate' })
  @ApiErrors(
    [400, 'Invalid input, or no field to change.'],
    401,
    [403, 'Only moderators and admins change debates.'],
    404,
    413,
    415,
    429,
  )
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDebateDto,
    @CurrentUser() moderator: Actor,
  ): Promise<DebateResponseDto> {
    return DebateResponseDto.from(await this.debates.update(moderator, id, dto));
  }
}
