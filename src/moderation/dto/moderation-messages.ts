import { StreamJoinMessage } from '../../events/socket-contract';

/** `moderation:join {since?}`: the one moderation stream, for moderators and admins. */
export class JoinModerationMessage extends StreamJoinMessage {}

export class LeaveModerationMessage {}
