import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../lib/api/types';
import { useDeleteLater } from '../api/write-posts';

/**
 * Delete, asking first when the post has replies (they stay in place under a tombstone). The delete itself waits
 * for the undo window (see pendingDeletes).
 */
export function DeleteControl({ post }: { post: Post }) {
  const { t } = useTranslation();
  const deleteLater = useDeleteLater();
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <span role="group" aria-label={t('post.confirmDeleteLabel')} className="confirm">
        <span>{t('post.confirmDelete', { count: post.replyCount })}</span>
        <button type="button" className="danger" onClick={() => deleteLater(post)}>
          {t('post.confirmDeleteYes')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          {t('post.confirmDeleteNo')}
        </button>
      </span>
    );
  }
  return (
    <button type="button" onClick={() => (post.replyCount > 0 ? setAsking(true) : deleteLater(post))}>
      {t('post.delete')}
    </button>
  );
}
