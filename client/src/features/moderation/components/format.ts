import { useTranslation } from 'react-i18next';

/** Dates and times in the reader's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return {
    time: (iso: string) =>
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date: (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso)),
  };
}
