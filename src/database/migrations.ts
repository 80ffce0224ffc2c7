import { InitialSchema1764000000000 } from '../../migrations/1764000000000-initial-schema';
import { PostsAndEventLog1764000100000 } from '../../migrations/1764000100000-posts-and-event-log';
import { PostsByThreadRoot1764000200000 } from '../../migrations/1764000200000-posts-by-thread-root';
import { Moderation1764000400000 } from '../../migrations/1764000400000-moderation';
import { LiveSessions1764000500000 } from '../../migrations/1764000500000-live-sessions';
import { ReplyRelations1764000600000 } from '../../migrations/1764000600000-reply-relations';
import { Notifications1764000610000 } from '../../migrations/1764000610000-notifications';
import { PostSearch1764000620000 } from '../../migrations/1764000620000-post-search';
import { TopLevelPageIndexes1764000700000 } from '../../migrations/1764000700000-top-level-page-indexes';
import { AuditLogEntryUuids1764000730000 } from '../../migrations/1764000730000-audit-log-entry-uuids';
import { LogRuleHolds1764000740000 } from '../../migrations/1764000740000-log-rule-holds';
import { ModeratorDeleteReasons1764000750000 } from '../../migrations/1764000750000-moderator-delete-reasons';
import { DebateSearch1764000760000 } from '../../migrations/1764000760000-debate-search';
import { CastVote1764000770000 } from '../../migrations/1764000770000-cast-vote';

/** Every migration, in order. Listed by hand so the build, the CLI and the tests run the same set. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  PostsAndEventLog1764000100000,
  PostsByThreadRoot1764000200000,
  Moderation1764000400000,
  LiveSessions1764000500000,
  ReplyRelations1764000600000,
  Notifications1764000610000,
  PostSearch1764000620000,
  TopLevelPageIndexes1764000700000,
  AuditLogEntryUuids1764000730000,
  LogRuleHolds1764000740000,
  ModeratorDeleteReasons1764000750000,
  DebateSearch1764000760000,
  CastVote1764000770000,
];
