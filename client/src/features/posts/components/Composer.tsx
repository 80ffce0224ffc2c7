import { FormEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import type { Section, Stance } from '../../../lib/api-types';
import { currentLanguage } from '../../../lib/i18n';
import { useRealtime } from '../../../lib/realtime';
import { useCreatePost } from '../api/write-posts';
import { useDraft } from '../use-draft';

const STANCES: Stance[] = ['pro', 'contra', 'neutral'];
const TYPING_EVERY_MS = 3000;

interface ComposerProps {
  debateId: string;
  /** Set for a reply: no stance, no section anchor. */
  parentId?: string;
  sections?: Section[];
  onDone?: () => void;
  onCancel?: () => void;
  /** Posting is closed (a locked debate); the draft stays. */
  disabled?: boolean;
}

interface Draft {
  body: string;
  stance: Stance | null;
  sectionId: string;
  quote: string;
  clientId: string;
}

const emptyDraft = (): Draft => ({ body: '', stance: null, sectionId: '', quote: '', clientId: crypto.randomUUID() });

/**
 * Writes a post. The draft is never lost: a refused post keeps its text and shows why, closing or reloading keeps
 * it (sessionStorage), and a retry of the same draft reuses its clientId so the server returns the first post
 * instead of a duplicate.
 */
export function Composer({ debateId, parentId, sections = [], onDone, onCancel, disabled = false }: ComposerProps) {
  const { t } = useTranslation();
  const { socket } = useRealtime();
  const createPost = useCreatePost(debateId);
  const [draft, updateDraft, clearDraft] = useDraft(`draft:${debateId}:${parentId ?? 'top'}`, emptyDraft);
  const { body, stance, sectionId, quote } = draft;
  const lastTyping = useRef(0);
  const ids = { body: useId(), stance: useId(), section: useId(), quote: useId() };
  const topLevel = parentId === undefined;
  const language = currentLanguage();

  const type = (text: string) => {
    updateDraft({ body: text });
    if (Date.now() - lastTyping.current > TYPING_EVERY_MS && socket.connected) {
      lastTyping.current = Date.now();
      socket.emit('typing', { debateId, ...(parentId ? { parentId } : {}) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createPost.mutate(
      {
        body,
        clientId: draft.clientId,
        ...(parentId ? { parentId } : {}),
        ...(topLevel && stance ? { stance } : {}),
        ...(topLevel && sectionId ? { sectionId } : {}),
        ...(topLevel && sectionId && quote.trim() ? { quote } : {}),
      },
      {
        onSuccess: () => {
          clearDraft();
          onDone?.();
        },
      },
    );
  };

  return (
    <form className={topLevel ? 'composer' : 'composer composer--reply'} onSubmit={submit}>
      <label htmlFor={ids.body}>{t('composer.label')}</label>
      <textarea
        id={ids.body}
        value={body}
        onChange={(e) => type(e.target.value)}
        rows={topLevel ? 5 : 3}
        maxLength={10_000}
        aria-describedby={`${ids.body}-hint`}
      />
      <small id={`${ids.body}-hint`}>{t('composer.markdown')}</small>
      {topLevel && (
        <>
          <fieldset className="composer__stance" role="radiogroup" aria-labelledby={ids.stance}>
            <legend id={ids.stance}>{t('composer.stance')}</legend>
            {STANCES.map((value) => (
              <label key={value} className={`stance-choice stance-choice--${value}`}>
                <input
                  type="radio"
                  name={`stance-${ids.body}`}
                  value={value}
                  checked={stance === value}
                  onChange={() => updateDraft({ stance: value })}
                />
                {t(`stance.${value}`)}
              </label>
            ))}
          </fieldset>
          {sections.length > 0 && (
            <div className="composer__anchor">
              <label htmlFor={ids.section}>{t('composer.section')}</label>
              <select id={ids.section} value={sectionId} onChange={(e) => updateDraft({ sectionId: e.target.value })}>
                <option value="">{t('composer.noSection')}</option>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.position}. {section.summary[language].slice(0, 80)}…
                  </option>
                ))}
              </select>
              {sectionId && (
                <>
                  <label htmlFor={ids.quote}>{t('composer.quote')}</label>
                  <input
                    id={ids.quote}
                    value={quote}
                    maxLength={300}
                    onChange={(e) => updateDraft({ quote: e.target.value })}
                  />
                </>
              )}
            </div>
          )}
        </>
      )}
      <ErrorAlert error={createPost.error}>
        {createPost.error instanceof ApiError && createPost.error.retryAfter !== null && (
          <p>{t('composer.wait', { seconds: createPost.error.retryAfter })}</p>
        )}
      </ErrorAlert>
      <div className="composer__actions">
        <button type="submit" disabled={disabled || createPost.isPending || body.trim() === ''}>
          {t('composer.post')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('composer.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
