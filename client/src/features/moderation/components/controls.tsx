import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Which part of a list to show (open or decided): toggle buttons, the pressed one is shown. */
export function StateToggle<State extends string>({
  label,
  states,
  value,
  onChange,
  text,
}: {
  label: string;
  states: readonly State[];
  value: NoInfer<State>;
  onChange(state: NoInfer<State>): void;
  text(state: NoInfer<State>): string;
}) {
  return (
    <div role="group" aria-label={label} className="row">
      {states.map((state) => (
        <button
          key={state}
          type="button"
          className="secondary"
          aria-pressed={value === state}
          onClick={() => onChange(state)}
        >
          {text(state)}
        </button>
      ))}
    </div>
  );
}

/** The next page of a list, while there is one. */
export function LoadMore({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown };
}) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <button
      type="button"
      className="secondary"
      disabled={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {t('moderation.loadMore')}
    </button>
  );
}

/** The **Reason** box a decision sends: required, 500 characters at most, with what happens to it. */
export function ReasonField({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange(reason: string): void;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('moderation.queue.reason')}</label>
      <textarea
        id={id}
        value={value}
        maxLength={500}
        rows={2}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </>
  );
}
