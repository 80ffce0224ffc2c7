import { useTranslation } from 'react-i18next';
import type { Relation } from '../../../lib/api/types';

/** What a reply says of the post it answers: supports or challenges it. */
export function RelationBadge({ relation }: { relation: Relation | null }) {
  const { t } = useTranslation();
  if (!relation) return null;
  return <span className={`badge badge--${relation}`}>{t(`relation.${relation}`)}</span>;
}

/** "3 support · 2 challenge": the post's visible direct replies by relation; nothing while there are none. */
export function RelationCounts({ post }: { post: { supportCount: number; challengeCount: number } }) {
  const { t } = useTranslation();
  if (post.supportCount === 0 && post.challengeCount === 0) return null;
  return (
    <span className="relation-counts">
      {t('relation.counts', { supports: post.supportCount, challenges: post.challengeCount })}
    </span>
  );
}
