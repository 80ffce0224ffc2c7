import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveSessionView, Poll } from '../../../lib/api/types';
import { describeSessionChanges, momentOf, SessionMoment } from '../session-announcements';

/**
 * One polite live region, always in the page (a region added with its text is often not read), that says what just
 * changed in the session: started, paused, ended, a poll opened or closed, the spotlight, the next debate. The
 * countdown is not in it, so nothing is read on every tick.
 */
export function SessionAnnouncer({ session, polls }: { session: LiveSessionView; polls: Poll[] | undefined }) {
  const { t } = useTranslation();
  const last = useRef<SessionMoment | null>(null);
  const [news, setNews] = useState('');
  const moment = polls ? momentOf(session, polls) : null;
  const key = moment && JSON.stringify(moment);
  useEffect(() => {
    if (!moment) return;
    const said = describeSessionChanges(last.current, moment, t);
    last.current = moment;
    if (said.length > 0) setNews(said.join(' '));
    // The moment is compared by value: a refetch that changes nothing says nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, t]);
  return (
    <p role="status" className="visually-hidden">
      {news}
    </p>
  );
}
