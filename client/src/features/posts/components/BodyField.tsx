import { KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserSuggestions } from '../api/suggest-users';

/** As the server counts: 1–10,000 characters once surrounding whitespace is trimmed. */
export const MAX_BODY = 10_000;

export function bodyLength(body: string): number {
  return body.trim().length;
}

export function fitsBody(body: string): boolean {
  const length = bodyLength(body);
  return length >= 1 && length <= MAX_BODY;
}

/** From this many characters on the counter is announced once: the limit is near. */
const NEAR_LIMIT = MAX_BODY * 0.9;

/** The `@name` being typed just before the caret, if any. */
const TYPING_MENTION = /(?:^|[^\w@.])@([A-Za-z0-9_]{1,32})$/;

interface BodyFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  rows: number;
  /** Take the focus when shown (a reply or an edit just opened). */
  autoFocus?: boolean;
}

type Level = 'fine' | 'near' | 'over';

/**
 * "Your argument": the text box with a counter that counts as the server does (never a silent cut: a paste over the
 * limit stays, and the counter says by how much), and @-name suggestions as one types (arrows, Enter or Tab, Escape).
 * It stays a text box (UI.md): the suggestions hang on it by aria-controls and aria-activedescendant. The counter
 * is read with the box; screen readers are told only when the limit comes near or is passed, not on every key.
 */
export function BodyField({ id, value, onChange, rows, autoFocus = false }: BodyFieldProps) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const typed = TYPING_MENTION.exec(value.slice(0, caret))?.[1] ?? null;
  const prefix = typed !== null && typed !== dismissed ? typed : null;
  const suggestions = useUserSuggestions(prefix);
  const options = prefix ? (suggestions.data?.items ?? []) : [];
  const length = bodyLength(value);
  const format = (count: number) => count.toLocaleString(i18n.resolvedLanguage);
  const level: Level = length > MAX_BODY ? 'over' : length >= NEAR_LIMIT ? 'near' : 'fine';
  const [announced, setAnnounced] = useState<{ level: Level; text: string }>({ level, text: '' });
  if (announced.level !== level) {
    // Said once as the level changes (the figures as they were then), so typing on does not repeat it.
    const text =
      level === 'near'
        ? t('composer.nearLimit', { count: MAX_BODY - length, left: format(MAX_BODY - length) })
        : level === 'over'
          ? t('composer.overLimit', { max: format(MAX_BODY) })
          : '';
    setAnnounced({ level, text });
  }
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);

  const choose = (username: string) => {
    const start = caret - (prefix?.length ?? 0);
    const next = `${value.slice(0, start)}${username} ${value.slice(caret)}`;
    onChange(next);
    const at = start + username.length + 1;
    setCaret(at);
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)].username);
    } else if (event.key === 'Escape') {
      setDismissed(prefix);
    }
  };

  return (
    <div className="body-field">
      <label htmlFor={id}>{t('composer.label')}</label>
      <textarea
        ref={box}
        id={id}
        value={value}
        rows={rows}
        aria-autocomplete="list"
        aria-controls={`${id}-mentions`}
        aria-activedescendant={options.length > 0 ? `${id}-mention-${active}` : undefined}
        aria-describedby={`${id}-count ${id}-hint`}
        aria-invalid={length > MAX_BODY}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${id}-mentions`}
        role="listbox"
        aria-label={t('composer.mentions')}
        className="mentions"
        hidden={options.length === 0}
      >
        {options.map((user, i) => (
          <li
            key={user.id}
            id={`${id}-mention-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(user.username);
            }}
          >
            @{user.username} <span className="mentions__name">{user.displayName}</span>
          </li>
        ))}
      </ul>
      <small id={`${id}-count`} className={length > MAX_BODY ? 'counter counter--over' : 'counter'}>
        {length > MAX_BODY
          ? t('composer.tooLong', { count: length - MAX_BODY, over: format(length - MAX_BODY), max: format(MAX_BODY) })
          : t('composer.count', { count: length, length: format(length), max: format(MAX_BODY) })}
      </small>
      <span role="status" className="visually-hidden">
        {announced.text}
      </span>
      <small id={`${id}-hint`}>{t('composer.markdown')}</small>
    </div>
  );
}
