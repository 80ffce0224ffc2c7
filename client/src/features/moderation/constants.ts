import type { FlagReason, LabelKind, QueueAction } from '../../lib/api/types';

/** The reasons a reader can flag for, in the order the Flag dialog offers them. */
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
] as const satisfies readonly FlagReason[];

/** A queue item's buttons, in order. */
export const QUEUE_ACTIONS = [
  'approve',
  'hide',
  'restore',
  'delete',
  'dismiss',
] as const satisfies readonly QueueAction[];

export const LABEL_KINDS = ['manipulated_media', 'missing_context', 'satire'] as const satisfies readonly LabelKind[];
