import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiSignedIn } from '../common/openapi/api-auth.decorator';
import {
  ListNotificationsQuery,
  MarkReadDto,
  NotificationPageDto,
  NotificationSettingsDto,
  UnreadCountDto,
  UpdateNotificationSettingsDto,
} from './dto/notification.dto';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@Controller('notifications')
@SignedIn()
@ApiSignedIn()
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiOperation({
    summary: 'List my notifications, newest first',
    description: 'Replies and mentions show while the caller may see the post that made them.',
  })
  @ApiOkResponse({ type: NotificationPageDto, description: 'A page of notifications and the unread count' })
  @ApiErrors(400, 401, 429)
  list(@CurrentUser() reader: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(reader, query);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark my notifications read: these ids, or all of them' })
  @ApiOkResponse({ type: UnreadCountDto, description: 'How many remain unread' })
  @ApiErrors(400, 401, 413, 415, 429)
  markRead(@CurrentUser() reader: Actor, @Body() dto: MarkReadDto): Promise<UnreadCountDto> {
    return this.notifications.markRead(reader, dto.ids);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Which kinds of notification I receive' })
  @ApiOkResponse({ type: NotificationSettingsDto, description: 'Each kind on or off' })
  @ApiErrors(401, 429)
  settings(@CurrentUser() reader: Actor): Promise<NotificationSettingsDto> {
    return this.notifications.settings(reader.id);
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Turn kinds of notification on or off' })
  @ApiOkResponse({ type: NotificationSettingsDto, description: 'Each kind on or off, after the change' })
  @ApiErrors(400, 401, 413, 415, 429)
  updateSettings(
    @CurrentUser() reader: Actor,
    @Body() dto: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return this.notifications.updateSettings(reader.id, dto);
  }
}
