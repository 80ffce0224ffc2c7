import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/error-messages';
import { currentLanguage } from '../lib/i18n';

/** Why something failed, in the reader's language (see describeError). */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" className="error">
      {describeError(error, t, currentLanguage()).map((message) => (
        <p key={message}>{message}</p>
      ))}
      {children}
    </div>
  );
}
