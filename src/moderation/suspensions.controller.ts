import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiSchema } from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { Actor, MODERATOR_ROLES } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { SuspendDto, UnsuspendDto } from './dto/suspension.dto';
import { Suspensions } from './suspensions.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiSchema({ name: 'SuspendedPage' })
class SuspendedPageDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ApiTags('moderation')
@ApiSignedIn()
@Roles(...MODERATOR_ROLES)
@Controller('moderation')
export class SuspensionsController {
  constructor(private readonly suspensions: Suspensions) {}

  @Post('users/:id/suspend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend a person until a time',
    description:
      'They can still read; every write (HTTP, and sockets already open) answers 403 with the end and the reason. ' +
      'Only an admin suspends a moderator; nobody suspends an admin (403).',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(
    400,
    401,
    [403, 'Moderators and admins only; a moderator suspends no moderator, nobody an admin.'],
    404,
    413,
    415,
    429,
  )
  @ApiIdParam('user')
  suspend(
    @Param('id', ParseUUIDPipe) userId: string,
    @Body() dto: SuspendDto,
    @CurrentUser() moderator: Actor,
  ): Promise<UserResponseDto> {
    return this.suspensions.suspend(moderator, userId, dto);
  }

  @Post('users/:id/unsuspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a suspension early' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(
    400,
    401,
    [403, 'Moderators and admins only; a moderator lifts no moderator’s suspension.'],
    404,
    [409, 'The person is not suspended.'],
    413,
    415,
    429,
  )
  @ApiIdParam('user')
  unsuspend(
    @Param('id', ParseUUIDPipe) userId: string,
    @Body() dto: UnsuspendDto,
    @CurrentUser() moderator: Actor,
  ): Promise<UserResponseDto> {
    return this.suspensions.unsuspend(moderator, userId, dto);
  }

  @Get('suspensions')
  @ApiOperation({ summary: 'Everyone suspended now, the soonest to return first' })
  @ApiOkResponse({ type: SuspendedPageDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 429)
  list(@Query() query: ListQueryDto): Promise<SuspendedPageDto> {
    return this.suspensions.list(query);
  }
}
