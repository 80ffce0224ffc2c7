import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../common/auth/access';
import { Actor, MODERATOR_ROLES } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import {
  AppealDecisionDto,
  AppealDto,
  AppealPageDto,
  AppealQueryDto,
  CreateAppealDto,
  MyAppealPageDto,
} from './dto/appeal.dto';
import { Appeals } from './appeals.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiTags('moderation')
@ApiSignedIn()
@Controller('appeals')
export class AppealsController {
  constructor(private readonly appeals: Appeals) {}

  /** Suspended people may appeal: that is the one write a suspension leaves them. */
  @Post()
  @SignedIn()
  @ApiOperation({
    summary: 'Appeal a moderation decision',
    description:
      'The author of a hidden, deleted or labelled post, or a suspended person (targetId: their own id), ' +
      'contests the decision that stands against them; one appeal per decision (409).',
  })
  @ApiCreatedResponse({ type: AppealDto })
  @ApiErrors(
    400,
    401,
    [403, 'Only the post’s author or the suspended person appeals.'],
    404,
    [409, 'Already appealed, or nothing to appeal.'],
    413,
    415,
    429,
  )
  create(@Body() dto: CreateAppealDto, @CurrentUser() appellant: Actor): Promise<AppealDto> {
    return this.appeals.create(appellant, dto);
  }

  @Get('mine')
  @SignedIn()
  @ApiOperation({ summary: 'My appeals and their outcomes, newest first' })
  @ApiOkResponse({ type: MyAppealPageDto })
  @ApiErrors(400, 401, 429)
  mine(@Query() query: ListQueryDto, @CurrentUser() appellant: Actor): Promise<MyAppealPageDto> {
    return this.appeals.mine(appellant, query);
  }

  @Get()
  @Roles(...MODERATOR_ROLES)
  @ApiOperation({
    summary: 'Appeals to decide (open, oldest first) or decided (latest first)',
    description: 'Each with the decision it contests, who appealed, and the post as it is now.',
  })
  @ApiOkResponse({ type: AppealPageDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 429)
  list(@Query() query: AppealQueryDto): Promise<AppealPageDto> {
    return this.appeals.list(query);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...MODERATOR_ROLES)
  @ApiOperation({
    summary: 'Uphold or reverse an appeal',
    description:
      'Reversing restores the post, takes the label off or lifts the suspension. A moderator may not decide an ' +
      'appeal against their own decision while another moderator exists (403).',
  })
  @ApiOkResponse({ type: AppealDto })
  @ApiErrors(
    400,
    401,
    [403, 'Moderators and admins only, and not on their own decision while another moderator exists.'],
    404,
    [409, 'Already decided.'],
    413,
    415,
    429,
  )
  @ApiIdParam('appeal')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AppealDecisionDto,
    @CurrentUser() moderator: Actor,
  ): Promise<AppealDto> {
    return this.appeals.decide(moderator, id, dto);
  }
}
