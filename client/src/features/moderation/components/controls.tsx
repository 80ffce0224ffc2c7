import { useId } from 'react';
import { useTranslation } from 'react-i18next';

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
