import { FormEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError, NetworkError } from '../../../lib/api';
import type { Relation, Section, Stance } from '../../../lib/api/types';
import { currentLanguage } from '../../../lib/i18n';
import { useRealtime } from '../../../lib/realtime';
import { useCreatePost } from '../api/write-posts';
import { useDraft } from '../use-draft';
import { bodyLength, BodyField, MAX_BODY } from './BodyField';

const STANCES: Stance[] = ['pro', 'contra', 'neutral'];
const RELATIONS: (Relation | null)[] = ['supports', 'challenges', null];
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
  relation?: Relation | null;
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
  const relation = draft.relation ?? null;
  const lastTyping = useRef(0);
  const ids = { body: useId(), stance: useId(), relation: useId(), section: useId(), quote: useId(), why: useId() };
  // A post tried while offline waits for the connection and goes out again by itself (same clientId: no double).
  const [waiting, setWaiting] = useState(false);
  const topLevel = parentId === undefined;
  const language = currentLanguage();

  const type = (text: string) => {
    updateDraft({ body: text });
    if (Date.now() - lastTyping.current > TYPING_EVERY_MS && socket.connected) {
      lastTyping.current = Date.now();
      socket.emit('typing', { debateId, ...(parentId ? { parentId } : {}) });
    }
  };

  const send = () => {
    setWaiting(false);
    createPost.mutate(
      {
        body,
        clientId: draft.clientId,
        ...(parentId ? { parentId } : {}),
        ...(!topLevel && relation ? { relation } : {}),
        ...(topLevel && stance ? { stance } : {}),
        ...(topLevel && sectionId ? { sectionId } : {}),
        ...(topLevel && sectionId && quote.trim() ? { quote } : {}),
      },
      {
        onSuccess: () => {
          clearDraft();
          onDone?.();
        },
        onError: (error) => setWaiting(error instanceof NetworkError),
        // The Post button is disabled while sending and on an empty box: the focus goes back to the box, ready
        // for the next argument or for fixing this one (a reply's composer closes; its opener takes the focus).
        onSettled: () => {
          if (topLevel && (document.activeElement === document.body || document.activeElement === null)) {
            document.getElementById(ids.body)?.focus();
          }
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const resend = useEffectEvent(send);
  useEffect(() => {
    if (!waiting) return;
    const retry = () => resend();
    socket.on('connect', retry);
    window.addEventListener('online', retry);
    return () => {
      socket.off('connect', retry);
      window.removeEventListener('online', retry);
    };
  }, [waiting, socket]);

  const length = bodyLength(body);
  const why = disabled
    ? t('composer.why.locked')
    : createPost.isPending
      ? t('composer.why.sending')
      : length === 0
        ? t('composer.why.empty')
        : length > MAX_BODY
          ? t('composer.why.tooLong', { max: MAX_BODY.toLocaleString(currentLanguage()) })
          : null;

  return (
    <form className={topLevel ? 'composer' : 'composer composer--reply'} onSubmit={submit}>
      <BodyField id={ids.body} value={body} onChange={type} rows={topLevel ? 5 : 3} autoFocus={!topLevel} />
      {!topLevel && (
        <fieldset className="composer__relation" role="radiogroup" aria-labelledby={ids.relation}>
          <legend id={ids.relation}>{t('composer.relation')}</legend>
          {RELATIONS.map((value) => (
            <label key={value ?? 'none'} className={`relation-choice relation-choice--${value ?? 'none'}`}>
              <input
                type="radio"
                name={`relation-${ids.body}`}
                checked={relation === value}
                onChange={() => updateDraft({ relation: value })}
              />
              {t(value ? `relation.${value}` : 'relation.none')}
            </label>
          ))}
        </fieldset>
      )}
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
      {waiting ? (
        <div role="status" className="notice">
          <p>{t('composer.offline')}</p>
          <button type="button" className="secondary" onClick={send}>
            {t('composer.retry')}
          </button>
        </div>
      ) : (
        <ErrorAlert error={createPost.error}>
          {createPost.error instanceof ApiError && createPost.error.retryAfter !== null && (
            <p>{t('composer.wait', { seconds: createPost.error.retryAfter })}</p>
          )}
        </ErrorAlert>
      )}
      <div className="composer__actions">
        <button type="submit" disabled={why !== null || waiting} aria-describedby={why ? ids.why : undefined}>
          {t('composer.post')}
        </button>
        {why && (
          <small id={ids.why} className="composer__why">
            {why}
          </small>
        )}
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('composer.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
