import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueue } from '../api/queue';
import { LoadMore } from '../../../components/LoadMore';
import { ToggleGroup } from '../../../components/ToggleGroup';
import { QueueItemCard } from './QueueItemCard';

/** **Moderation queue**: open items oldest first, live; or what was decided, latest first. */
export function ModerationQueue() {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'resolved'>('open');
  const queue = useQueue(state);
  const headingId = useId();
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const openCount = queue.data?.pages[0]?.openCount;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t('moderation.queue.heading')}</h2>
      <ToggleGroup
        label={t('moderation.queue.show')}
        values={['open', 'resolved'] as const}
        value={state}
        onChange={setState}
        text={(value) => t(`moderation.queue.${value}`)}
      />
      {state === 'open' && openCount !== undefined && (
        <p aria-live="polite">{t('moderation.queue.openCount', { count: openCount })}</p>
      )}
      {queue.isError && <p role="alert">{t('errors.generic')}</p>}
      {queue.isSuccess && items.length === 0 && (
        <p>{t(state === 'open' ? 'moderation.queue.empty' : 'moderation.queue.emptyResolved')}</p>
      )}
      {items.map((item) => (
        <QueueItemCard key={item.id} item={item} />
      ))}
      <LoadMore list={queue} />
    </section>
  );
}
