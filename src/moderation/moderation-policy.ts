import { AUDITED_ELSEWHERE } from '../events/audit-trail';
import { LABEL_KINDS } from '../posts/post-label';

/** Why a person flags a post (API.md). `synthetic_media`: manipulated or AI-generated footage presented as real. */
export const FLAG_REASONS = [
  'spam',
  'harassment',
  'hate',
  'misinformation',
  'sexual',
  'violence',
  'synthetic_media',
  'off_topic',
  'other',
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** At most this many flags a day per person: flagging is for people, not scripts. */
export const FLAGS_PER_DAY = 20;

/** What a moderator does with a post in the queue. */
export const QUEUE_ACTIONS = ['approve', 'hide', 'restore', 'delete', 'dismiss'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

/** How a queue item was resolved: a queue action, or a label put on the post instead of removing it. */
export type Resolution = QueueAction | 'label';

/**
 * Every action the audit log records: automatic ones (`hold`, `flag`, threshold hides) included, and those other
 * modules report (a debate locked, someone's post edited or deleted from the thread).
 */
export const LOG_ACTIONS = [
  ...QUEUE_ACTIONS,
  'label',
  'unlabel',
  'suspend',
  'unsuspend',
  'hold',
  'flag',
  'add_watched_word',
  'remove_watched_word',
  'uphold_appeal',
  'reverse_appeal',
  ...AUDITED_ELSEWHERE,
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export const TARGET_TYPES = ['post', 'user', 'debate', 'watched_word'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/**
 * Which rule an action enforces, for the public weekly summary: the flag reasons, and `watched_word` for what the
 * watched words caught.
 */
export const CATEGORIES = [...FLAG_REASONS, 'watched_word'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A label answers the rule it is named after. */
export const LABEL_CATEGORY: Record<(typeof LABEL_KINDS)[number], Category> = {
  manipulated_media: 'synthetic_media',
  missing_context: 'misinformation',
  satire: 'other',
};
