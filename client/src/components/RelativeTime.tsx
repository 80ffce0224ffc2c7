import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" / "vor 3 Minuten" in the reader's language. */
export function relativeTime(date: Date, now: number, language: string): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size)!;
  return format.format(Math.round(seconds / size), unit);
}

/** A time as people say it, kept current; the exact date and time on hover (and for screen readers' details). */
export function RelativeTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(iso);
  const language = i18n.resolvedLanguage ?? 'en';
  const exact = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(date);
  return (
    <time dateTime={iso} title={exact}>
      {relativeTime(date, now, language)}
    </time>
  );
}
