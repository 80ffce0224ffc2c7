import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnLeave } from '../../../components/focus';
import { pendingDeletes } from '../api/pending-deletes';

/**
 * Stands in for a post whose delete is waiting: Undo brings it back; dismissing deletes at once. Undo takes the
 * focus (the Delete button that had it is gone), so a keyboard user reaches it within the undo window.
 */
export function UndoDelete({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), []);
  // Undo, Delete now, or the window passed: the post that takes its place (back, or its tombstone) takes the focus.
  useFocusOnLeave(box, () => [`post-${postId}`]);
  return (
    <div ref={box} className="post post--undo" role="status">
      <span>{t('post.deletedUndo')}</span>{' '}
      <button ref={undo} type="button" onClick={() => pendingDeletes.undo(postId)}>
        {t('post.undo')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => void pendingDeletes.commit(postId)}>
        {t('post.deleteNow')}
      </button>
    </div>
  );
}
