/**
 * A moderator's public mark on a post that stays visible: the answer to a doctored clip is often to mark it with the
 * evidence, not to erase it.
 */
export const LABEL_KINDS = ['manipulated_media', 'missing_context', 'satire'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export interface PostLabel {
  kind: LabelKind;
  /** A short explanation, shown under the post. */
  note: string;
  sourceUrl: string | null;
}
