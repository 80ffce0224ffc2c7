import type { FlagReason, LabelKind, QueueAction } from '../../lib/api/types';

/**
 * A list of every value of one of the contract's unions, in the order the page shows them. A value the API adds and
 * the list lacks fails the typecheck here, naming it (`missing`); one the API does not have fails as usual.
 */
function everyValue<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Exclude<Union, List[number]>] extends [never] ? unknown : { missing: Exclude<Union, List[number]> }),
  ): List => list;
}

/** The reasons a reader can flag for, in the order the Flag dialog offers them. */
export const FLAG_REASONS = everyValue<FlagReason>()([
  'spam',
  'harassment',
  'hate',
  'misinformation',
  'sexual',
  'violence',
  'synthetic_media',
  'off_topic',
  'other',
]);

/** A queue item's buttons, in order. */
export const QUEUE_ACTIONS = [
  'approve',
  'hide',
  'restore',
  'delete',
  'dismiss',
] as const satisfies readonly QueueAction[];

export const LABEL_KINDS = everyValue<LabelKind>()(['manipulated_media', 'missing_context', 'satire']);
