import { KeyboardEvent, ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../features/auth';
import {
  AppealsPanel,
  LabelsPanel,
  LogList,
  ModerationQueue,
  SuspensionsPanel,
  useModerationStream,
  WatchedWordsPanel,
} from '../../features/moderation';

const TABS = ['queue', 'watched-words', 'suspensions', 'labels', 'appeals', 'log'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => ReactNode> = {
  queue: () => <ModerationQueue />,
  'watched-words': () => <WatchedWordsPanel />,
  suspensions: () => <SuspensionsPanel />,
  labels: () => <LabelsPanel />,
  appeals: () => <AppealsPanel />,
  log: () => <AuditLog />,
};

/** `/moderation`: moderators and admins only. */
export function ModerationPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <p>
        <Link to="/login" state={{ from: '/moderation' }}>
          {t('moderation.signIn')}
        </Link>
      </p>
    );
  }
  if (me.data.role !== 'moderator' && me.data.role !== 'admin') {
    return <p role="alert">{t('moderation.onlyModerators')}</p>;
  }
  return <ModerationConsole />;
}

/** The queue and the other tools as tabs (the tab is in the URL), all kept current by the moderation stream. */
function ModerationConsole() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stream = useModerationStream();
  const prefix = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const requested = params.get('tab');
  const tab: Tab = TABS.find((candidate) => candidate === requested) ?? 'queue';
  const select = (next: Tab) => setParams(next === 'queue' ? {} : { tab: next }, { replace: true });
  // Arrow keys move between tabs, as in every tab list (WAI-ARIA).
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    select(TABS[to]);
    tabs.current[to]?.focus();
  };
  return (
    <div className="stack">
      <h1>{t('moderation.title')}</h1>
      <p className="debate__live" aria-live="polite">
        {stream.presence !== null && <span>{t('moderation.here', { count: stream.presence })}</span>}
        {stream.connection === 'lost' && <span className="notice">{t('moderation.offline')}</span>}
      </p>
      <div role="tablist" aria-label={t('moderation.tools')} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((value, i) => (
          <button
            key={value}
            ref={(element) => {
              tabs.current[i] = element;
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${value}`}
            aria-selected={tab === value}
            aria-controls={`${prefix}-panel`}
            tabIndex={tab === value ? 0 : -1}
            onClick={() => select(value)}
          >
            {t(`moderation.tabs.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefix}-panel`} aria-labelledby={`${prefix}-tab-${tab}`} tabIndex={0}>
        {PANELS[tab]()}
      </div>
    </div>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t('moderation.log.heading')}</h2>
      <LogList scope="staff" />
    </section>
  );
}
