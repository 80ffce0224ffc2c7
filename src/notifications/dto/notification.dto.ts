import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { PageOf } from '../../common/pagination/page.dto';
import { AuthorDto } from '../../users/dto/user-response.dto';
import { NOTIFICATION_KINDS, NotificationKind } from '../notification-kinds';

@ApiSchema({ name: 'Notification' })
export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ format: 'uuid', description: 'The reply, the post that mentions, or the post acted on' })
  postId: string;
  @ApiProperty({ format: 'uuid' }) debateId: string;
  @ApiProperty({ type: AuthorDto, nullable: true, description: 'Who replied or mentioned; null for moderation' })
  actor: AuthorDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'moderation: what was done (`hidden`, `restored`, `approved`, `deleted`, `labelled`, …); else null',
  })
  outcome: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The post's first words; null once it is deleted" })
  excerpt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while unread' })
  readAt: string | null;
}

@ApiSchema({ name: 'NotificationPage' })
export class NotificationPageDto extends PageOf(NotificationDto) {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'All unread notifications, not only this page' })
  unreadCount: number;
}

export class ListNotificationsQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

@ApiSchema({ name: 'MarkNotificationsReadRequest' })
export class MarkReadDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 200,
    description: 'Which to mark read; absent marks all read',
  })
  @IsOptional()
  @IsArray({ message: 'ids must be an array of notification ids' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'ids must be notification ids (UUIDs)' })
  ids?: string[];
}

@ApiSchema({ name: 'UnreadCount' })
export class UnreadCountDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) unreadCount: number;
}

/** Each kind on (delivered) or off; all are on until turned off. */
@ApiSchema({ name: 'NotificationSettings' })
export class NotificationSettingsDto {
  @ApiProperty({ description: 'Someone replied to your post' }) reply: boolean;
  @ApiProperty({ description: 'Someone mentioned your @username' }) mention: boolean;
  @ApiProperty({ description: 'Moderators acted on your post' }) moderation: boolean;
}

@ApiSchema({ name: 'UpdateNotificationSettingsRequest' })
export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'reply must be true or false' }) reply?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'mention must be true or false' }) mention?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'moderation must be true or false' }) moderation?: boolean;
}
