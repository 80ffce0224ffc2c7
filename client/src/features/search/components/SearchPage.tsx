import DOMPurify from 'dompurify';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RelativeTime } from '../../../components/RelativeTime';
import type { Stance } from '../../../lib/api/types';
import { currentLanguage } from '../../../lib/i18n';
import { localizedDebate, useDebates } from '../../debates';
import { permalink } from '../../posts';
import { useSearch } from '../api/search';
import { LoadMore } from '../../../components/LoadMore';

const STANCES: Stance[] = ['pro', 'contra', 'neutral'];

/** The server escapes snippets and marks matches; this keeps exactly that and nothing else. */
const snippetHtml = (snippet: string) => DOMPurify.sanitize(snippet, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });

/** `/search?q=&debateId=&stance=`: posts and debate questions, best first, with the words found marked. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const debateId = params.get('debateId') ?? '';
  const stance = params.get('stance') ?? '';
  const [typed, setTyped] = useState(q);
  const results = useSearch({ q, debateId, stance });
  const debates = useDebates();
  const language = currentLanguage();
  const ids = { q: useId(), debate: useId(), stance: useId() };
  const hits = results.data?.pages.flatMap((page) => page.items) ?? [];
  const debateHits = results.data?.pages[0]?.debates ?? [];

  const set = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: typed.trim() });
  };

  return (
    <>
      <h1>{t('search.title')}</h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor={ids.q}>{t('search.label')}</label>
        <input id={ids.q} type="search" value={typed} maxLength={200} onChange={(e) => setTyped(e.target.value)} />
        <label htmlFor={ids.debate}>{t('search.debate')}</label>
        <select id={ids.debate} value={debateId} onChange={(e) => set({ debateId: e.target.value })}>
          <option value="">{t('search.anyDebate')}</option>
          {(debates.data?.items ?? []).map((debate) => (
            <option key={debate.id} value={debate.id}>
              {localizedDebate(debate, language).question}
            </option>
          ))}
        </select>
        <label htmlFor={ids.stance}>{t('search.stance')}</label>
        <select id={ids.stance} value={stance} onChange={(e) => set({ stance: e.target.value })}>
          <option value="">{t('search.anyStance')}</option>
          {STANCES.map((value) => (
            <option key={value} value={value}>
              {t(`stance.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <ErrorAlert error={results.error} />
      {debateHits.length > 0 && (
        <section aria-label={t('search.debates')}>
          <h2>{t('search.debates')}</h2>
          <ul>
            {debateHits.map(({ debate, snippet }) => (
              <li key={debate.id}>
                <Link to={`/debates/${debate.id}`} dangerouslySetInnerHTML={{ __html: snippetHtml(snippet) }} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {q && results.isSuccess && hits.length === 0 && debateHits.length === 0 && <p>{t('search.none', { q })}</p>}
      {hits.length > 0 && (
        <section aria-label={t('search.posts')}>
          <h2>{t('search.posts')}</h2>
          {results.data?.pages[0]?.order === 'new' && <p className="hint">{t('search.newestFirst')}</p>}
          <ol className="search-results">
            {hits.map(({ post, snippet }) => (
              <li key={post.id}>
                <Link to={permalink(post)} className="search-results__link">
                  <span dangerouslySetInnerHTML={{ __html: snippetHtml(snippet) }} />
                </Link>
                <p className="search-results__meta">
                  {post.author?.displayName} · <RelativeTime iso={post.createdAt} />
                  {post.stance && ` · ${t(`stance.${post.stance}`)}`}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
      <LoadMore list={results} />
    </>
  );
}
