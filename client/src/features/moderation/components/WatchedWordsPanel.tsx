import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { WatchedAction } from '../../../lib/api/types';
import { LoadMore } from '../../../components/LoadMore';
import { useAddWatchedWord, useRemoveWatchedWord, useWatchedWords } from '../api/decisions';

const ACTIONS: WatchedAction[] = ['block', 'review', 'flag'];

/** The watched words: add a pattern with what it does, remove one. */
export function WatchedWordsPanel() {
  const { t } = useTranslation();
  const words = useWatchedWords();
  const add = useAddWatchedWord();
  const remove = useRemoveWatchedWord();
  const [pattern, setPattern] = useState('');
  const [action, setAction] = useState<WatchedAction>('review');
  const ids = { heading: useId(), pattern: useId(), action: useId() };
  const items = words.data?.pages.flatMap((page) => page.items) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ pattern, action }, { onSuccess: () => setPattern('') });
  };
  return (
    <section aria-labelledby={ids.heading} className="stack">
      <h2 id={ids.heading}>{t('moderation.watched.heading')}</h2>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={ids.pattern}>{t('moderation.watched.pattern')}</label>
        <input
          id={ids.pattern}
          value={pattern}
          maxLength={100}
          onChange={(event) => setPattern(event.target.value)}
          aria-describedby={`${ids.pattern}-hint`}
        />
        <small id={`${ids.pattern}-hint`}>{t('moderation.watched.patternHint')}</small>
        <fieldset role="radiogroup" aria-labelledby={ids.action} className="choices">
          <legend id={ids.action}>{t('moderation.watched.action')}</legend>
          {ACTIONS.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name={ids.action} checked={action === value} onChange={() => setAction(value)} />
              {t(`moderation.watched.actionChoices.${value}`)}
            </label>
          ))}
        </fieldset>
        <ErrorAlert error={add.error} />
        <button type="submit" disabled={pattern.trim() === '' || add.isPending}>
          {t('moderation.watched.add')}
        </button>
      </form>
      <ErrorAlert error={remove.error} />
      {words.isSuccess && items.length === 0 && <p>{t('moderation.watched.empty')}</p>}
      {items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('moderation.watched.pattern')}</th>
              <th scope="col">{t('moderation.watched.action')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('moderation.watched.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((word) => (
              <tr key={word.id}>
                <td>
                  <code>{word.pattern}</code>
                </td>
                <td>{t(`moderation.watched.actions.${word.action}`)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={remove.isPending}
                    aria-label={t('moderation.watched.removeOne', { pattern: word.pattern })}
                    onClick={() => remove.mutate(word.id)}
                  >
                    {t('moderation.watched.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={words} />
    </section>
  );
}
