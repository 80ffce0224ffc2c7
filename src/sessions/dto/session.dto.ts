import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { SESSION_STATUSES, SessionStatus } from '../session-rules';

/** A live session as everyone sees it, and as `session.updated` carries it. */
@ApiSchema({ name: 'Session' })
export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '6 characters of ABCDEFGHJKLMNPQRSTUVWXYZ23456789; case-insensitive on lookup' })
  code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ format: 'uuid' }) organiserId: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The agenda, in order' }) debateIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) currentDebateId: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the running countdown reaches zero (server clock); null when no timer runs',
  })
  timerEndsAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'While the session is paused: what remains of its timer, in ms (it runs on at resume)',
  })
  timerRemainingMs: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) spotlightPostId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A session as a REST answer or a join ack gives it: with the server's clock, so clients can correct their own. */
@ApiSchema({ name: 'SessionView' })
export class SessionViewDto extends SessionDto {
  @ApiProperty({ format: 'date-time', description: "The server's time when it answered" }) serverTime: string;
}

@ApiSchema({ name: 'SessionPage' })
export class SessionPageDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
