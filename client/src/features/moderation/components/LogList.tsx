import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry, PublicLogEntry } from '../../../lib/api/types';
import { logCsvUrl, useLog } from '../api/logs';
import { LoadMore } from '../../../components/LoadMore';
import { useFormat } from './format';

/** Actions a reader may filter by (the watched-word list stays out of the public log). */
const FILTERS = [
  'hide',
  'delete',
  'label',
  'unlabel',
  'restore',
  'approve',
  'dismiss',
  'hold',
  'flag',
  'suspend',
  'unsuspend',
  'edit',
  'uphold_appeal',
  'reverse_appeal',
  'lock_debate',
  'unlock_debate',
  'set_slow_mode',
  'set_premoderation',
];

/**
 * The log as a list, newest first, filterable by action, with the whole filtered log as a CSV download. `staff`
 * shows who acted; `public` is the transparency log, which never does.
 */
export function LogList({ scope }: { scope: 'staff' | 'public' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [action, setAction] = useState('');
  const log = useLog(scope, action);
  const filterId = useId();
  const entries: (PublicLogEntry | LogEntry)[] = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filters = scope === 'staff' ? [...FILTERS, 'add_watched_word', 'remove_watched_word'] : FILTERS;
  return (
    <div className="stack">
      <div className="row">
        <label htmlFor={filterId}>{t('transparency.filter')}</label>
        <select id={filterId} value={action} onChange={(event) => setAction(event.target.value)}>
          <option value="">{t('transparency.allActions')}</option>
          {filters.map((value) => (
            <option key={value} value={value}>
              {t(`transparency.action.${value}`)}
            </option>
          ))}
        </select>
        <a href={logCsvUrl(scope, action)} download>
          {t('transparency.download')}
        </a>
      </div>
      {log.isError && <p role="alert">{t('errors.generic')}</p>}
      {log.isSuccess && entries.length === 0 && <p>{t('transparency.empty')}</p>}
      <ol className="log">
        {entries.map((entry) => (
          <li key={entry.id} className="log__entry">
            <p>
              <strong>{t(`transparency.action.${entry.action}`)}</strong> ·{' '}
              {t(`transparency.target.${entry.targetType}`, { id: entry.targetId.slice(0, 8) })}
              {entry.category && <> · {t(`transparency.category.${entry.category}`)}</>}
            </p>
            <p>{entry.reason}</p>
            <p className="log__meta">
              <time dateTime={entry.createdAt}>{format.time(entry.createdAt)}</time>
              {entry.automatic
                ? ` · ${t('transparency.automatic')}`
                : 'actor' in entry && entry.actor
                  ? ` · ${t('transparency.by', { name: entry.actor.displayName })}`
                  : ''}
            </p>
          </li>
        ))}
      </ol>
      <LoadMore list={log} />
    </div>
  );
}
