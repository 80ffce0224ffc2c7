import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MODERATOR_ROLES, Roles } from '../common/auth/access';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { User } from '../users/user.entity';
import { DebatesService } from './debates.service';
import { CreateDebateDto } from './dto/create-debate.dto';
import { DebateResponseDto } from './dto/debate-response.dto';
import { UpdateDebateDto } from './dto/update-debate.dto';

@ApiTags('debates')
@Controller('debates')
export class DebatesController {
  constructor(private readonly debates: DebatesService) {}

  @Get()
  list(@Query() query: ListQueryDto): Promise<Page<DebateResponseDto>> {
    return this.debates.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DebateResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DebateResponseDto> {
    return DebateResponseDto.from(await this.debates.require(id));
  }

  @Post()
  @Roles('organiser', 'admin')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: DebateResponseDto })
  async create(@CurrentUser() user: User, @Body() dto: CreateDebateDto): Promise<DebateResponseDto> {
    return DebateResponseDto.from(await this.debates.create(user, dto));
  }

  @Patch(':id')
  @Roles(...MODERATOR_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: DebateResponseDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDebateDto): Promise<DebateResponseDto> {
    return DebateResponseDto.from(await this.debates.update(id, dto));
  }
}
