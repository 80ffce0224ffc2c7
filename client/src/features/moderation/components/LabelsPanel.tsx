import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../lib/api';
import type { LogEntry, Post } from '../../../lib/api/types';
import { useRemoveLabel } from '../api/decisions';
import { useLog } from '../api/logs';
import { LoadMore } from '../../../components/LoadMore';
import { ReasonField } from './controls';
import { useFormat } from './format';

/** Labels put on posts, newest first, each with the post as it is now and a way to take the label off. */
export function LabelsPanel() {
  const { t } = useTranslation();
  const log = useLog('staff', 'label');
  const headingId = useId();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t('moderation.labels.heading')}</h2>
      <p className="hint">{t('moderation.labels.hint')}</p>
      {log.isSuccess && entries.length === 0 && <p>{t('moderation.labels.empty')}</p>}
      <ul className="plain-list">
        {entries.map((entry) => (
          <LabelledPost key={entry.id} entry={entry} />
        ))}
      </ul>
      <LoadMore list={log} />
    </section>
  );
}

function LabelledPost({ entry }: { entry: LogEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const post = useQuery({ queryKey: ['post', entry.targetId], queryFn: () => api<Post>(`/posts/${entry.targetId}`) });
  const remove = useRemoveLabel();
  const [reason, setReason] = useState('');
  const label = post.data?.label;
  return (
    <li className="card stack">
      <p>
        {t('moderation.labels.entry', {
          name: entry.actor?.displayName ?? t('transparency.automatic'),
          time: format.time(entry.createdAt),
          reason: entry.reason,
        })}
      </p>
      {post.data && (
        <blockquote className="post__quote">
          <p>{post.data.body.slice(0, 300)}</p>
          <Link to={`/debates/${post.data.debateId}`}>{t('moderation.labels.open')}</Link>
        </blockquote>
      )}
      {label ? (
        <>
          <p className="post-label">
            <strong>{t(`label.kinds.${label.kind}`)}</strong>: {label.note}
          </p>
          <ReasonField value={reason} onChange={setReason} />
          <ErrorAlert error={remove.error} />
          <button
            type="button"
            className="secondary"
            disabled={reason.trim() === '' || remove.isPending}
            onClick={() => remove.mutate({ postId: entry.targetId, reason }, { onSuccess: () => void post.refetch() })}
          >
            {t('moderation.labels.remove')}
          </button>
        </>
      ) : (
        post.isSuccess && <p className="hint">{t('moderation.labels.gone')}</p>
      )}
    </li>
  );
}
