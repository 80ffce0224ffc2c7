import { FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFocusOnLeave } from '../../../components/focus';
import type { LabelKind, QueueAction, QueueItem } from '../../../lib/api/types';
import { LABEL_KINDS, QUEUE_ACTIONS } from '../constants';
import { renderMarkdown } from '../../../lib/markdown';
import { useSetLabel, useSuspend } from '../api/decisions';
import { useModerationAction } from '../api/queue';
import { ReasonField } from './controls';
import { useFormat } from './format';

/**
 * One post in the queue: where it stands (debate, parent), what it says, why it is here (causes, flags), who wrote
 * it and what was decided about them before; a **Reason** box that every action sends, and the five actions.
 */
export function QueueItemCard({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const act = useModerationAction();
  const [reason, setReason] = useState('');
  const headingId = useId();
  const card = useRef<HTMLElement>(null);
  // Decided, the item leaves the queue: the focus goes on to the next item (or the one before, or the heading).
  useFocusOnLeave(card, (leaving) => [
    ...[leaving.nextElementSibling, leaving.previousElementSibling]
      .filter((sibling) => sibling?.matches('.queue-item'))
      .map((sibling) => sibling!.querySelector<HTMLElement>('h3')),
    leaving.closest('section')?.querySelector<HTMLElement>('h2'),
  ]);
  const html = useMemo(() => renderMarkdown(item.post.body), [item.post.body]);
  const open = item.state === 'open';
  const deleted = item.post.status === 'deleted';
  const needsReason = reason.trim() === '';
  const send = (action: QueueAction) =>
    !act.isPending && act.mutate({ postId: item.post.id, itemId: item.id, action, reason });
  // A deleted post comes back only through an appeal. While one action is sent the buttons stay focusable
  // (aria-disabled), so the focus is still in the item when it leaves and can move on to the next.
  const disabled = (action: QueueAction) => needsReason || (deleted && action !== 'delete' && action !== 'dismiss');

  return (
    <article ref={card} className="queue-item" aria-labelledby={headingId}>
      <header className="queue-item__header">
        <h3 id={headingId}>
          {item.post.author?.displayName ?? t('post.deleted')}{' '}
          <span className={`badge badge--status-${item.post.status}`}>
            {t(`moderation.status.${item.post.status}`)}
          </span>
        </h3>
        <p className="queue-item__where">
          <Link to={`/debates/${item.debate.id}`}>
            {t('moderation.queue.inDebate', { question: item.debate.question })}
          </Link>
        </p>
        {item.parent && (
          <p className="queue-item__parent">
            {t('moderation.queue.replyTo', {
              name: item.parent.author?.displayName ?? t('post.deleted'),
              excerpt: item.parent.excerpt,
            })}
          </p>
        )}
      </header>
      {deleted ? (
        <p className="post__tombstone">{t('post.deleted')}</p>
      ) : (
        // Sanitised by DOMPurify in renderMarkdown.
        <div className="post__body" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {item.post.label && (
        <p className="post-label">
          <strong>{t(`label.kinds.${item.post.label.kind}`)}</strong>: {item.post.label.note}
        </p>
      )}
      <dl className="queue-item__facts">
        <dt>{t('moderation.queue.causes')}</dt>
        <dd>
          <ul>
            {item.causes.map((cause) => (
              <li key={`${cause.kind}:${cause.pattern ?? ''}`}>
                {t(`moderation.cause.${cause.kind}`, {
                  pattern: cause.pattern,
                  action: cause.action ? t(`moderation.watched.actions.${cause.action}`) : '',
                })}
              </li>
            ))}
          </ul>
        </dd>
        {item.flags.length > 0 && (
          <>
            <dt>{t('moderation.queue.flags', { count: item.flags.length })}</dt>
            <dd>
              <ul>
                {item.flags.map((flag) => (
                  <li key={flag.id}>
                    {t('moderation.queue.flaggedBy', {
                      reason: t(`flag.reasons.${flag.reason}`),
                      name: flag.user.displayName,
                    })}
                    {flag.note && <q className="queue-item__note">{flag.note}</q>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {item.author && (
          <>
            <dt>{t('moderation.queue.author')}</dt>
            <dd>
              {t('moderation.queue.history', {
                name: item.author.displayName,
                date: format.date(item.author.createdAt),
                hides: item.author.hides,
                deletions: item.author.deletions,
                labels: item.author.labels,
                suspensions: item.author.suspensions,
              })}
              {item.author.suspendedUntil && new Date(item.author.suspendedUntil) > new Date() && (
                <> · {t('moderation.queue.suspendedUntil', { date: format.time(item.author.suspendedUntil) })}</>
              )}
            </dd>
          </>
        )}
        <dt>{t('moderation.queue.since')}</dt>
        <dd>
          <time dateTime={item.openedAt}>{format.time(item.openedAt)}</time>
        </dd>
      </dl>
      {open ? (
        <div className="queue-item__decide">
          <ReasonField
            value={reason}
            onChange={setReason}
            hint={needsReason ? t('moderation.queue.reasonNeeded') : t('moderation.queue.reasonHint')}
          />
          <div className="row" role="group" aria-label={t('moderation.queue.actions')}>
            {QUEUE_ACTIONS.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'delete' ? 'danger' : action === 'dismiss' ? 'secondary' : undefined}
                disabled={disabled(action)}
                aria-disabled={act.isPending || undefined}
                onClick={() => send(action)}
              >
                {t(`moderation.action.${action}`)}
              </button>
            ))}
          </div>
          <ErrorAlert error={act.error} />
          <details className="queue-item__more">
            <summary>{t('moderation.queue.more')}</summary>
            {!deleted && <LabelForm postId={item.post.id} reason={reason} />}
            {item.author && item.author.role !== 'moderator' && item.author.role !== 'admin' && (
              <SuspendForm userId={item.author.id} name={item.author.displayName} reason={reason} />
            )}
          </details>
        </div>
      ) : (
        <p className="queue-item__resolution">
          {t('moderation.queue.resolvedAs', {
            action: t(`transparency.action.${item.resolution}`),
            name: item.resolvedBy?.displayName ?? t('transparency.automatic'),
            time: item.resolvedAt ? format.time(item.resolvedAt) : '',
            reason: item.resolutionReason ?? '',
          })}
        </p>
      )}
    </article>
  );
}

/** A public label instead of removal, with the evidence; the item's Reason goes to the log. */
function LabelForm({ postId, reason }: { postId: string; reason: string }) {
  const { t } = useTranslation();
  const setLabel = useSetLabel();
  const [kind, setKind] = useState<LabelKind>('manipulated_media');
  const [note, setNote] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const ids = { kind: useId(), note: useId(), source: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLabel.mutate({ postId, kind, note, reason, ...(sourceUrl.trim() ? { sourceUrl: sourceUrl.trim() } : {}) });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <fieldset role="radiogroup" aria-labelledby={ids.kind} className="choices choices--inline">
        <legend id={ids.kind}>{t('label.kind')}</legend>
        {LABEL_KINDS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={ids.kind} checked={kind === value} onChange={() => setKind(value)} />
            {t(`label.kinds.${value}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.note}>{t('label.note')}</label>
      <input id={ids.note} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      <label htmlFor={ids.source}>{t('label.sourceUrl')}</label>
      <input id={ids.source} type="url" value={sourceUrl} onChange={(event) => setSourceUrl(event.target.value)} />
      <ErrorAlert error={setLabel.error} />
      {setLabel.isSuccess && <p role="status">{t('label.done')}</p>}
      <button type="submit" disabled={note.trim() === '' || reason.trim() === '' || setLabel.isPending}>
        {t('label.submit')}
      </button>
    </form>
  );
}

function SuspendForm({ userId, name, reason }: { userId: string; name: string; reason: string }) {
  const { t } = useTranslation();
  const suspend = useSuspend();
  const [days, setDays] = useState('7');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const until = new Date(Date.now() + Number(days) * 86_400_000).toISOString();
    suspend.mutate({ userId, until, reason });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={id}>{t('moderation.suspend.days', { name })}</label>
      <input id={id} type="number" min={1} max={3650} value={days} onChange={(event) => setDays(event.target.value)} />
      <ErrorAlert error={suspend.error} />
      {suspend.isSuccess && <p role="status">{t('moderation.suspend.done', { name })}</p>}
      <button
        type="submit"
        className="danger"
        disabled={reason.trim() === '' || !(Number(days) >= 1) || suspend.isPending}
      >
        {t('moderation.suspend.submit')}
      </button>
    </form>
  );
}
