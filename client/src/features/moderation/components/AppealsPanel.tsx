import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { AppealDetail } from '../../../lib/api/types';
import { useAppeals, useDecideAppeal } from '../api/decisions';
import { LoadMore } from '../../../components/LoadMore';
import { ToggleGroup } from '../../../components/ToggleGroup';
import { ReasonField } from './controls';
import { useFormat } from './format';

/** Appeals to decide, oldest first (uphold or reverse, with a reason), or the ones decided. */
export function AppealsPanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'decided'>('open');
  const appeals = useAppeals(state);
  const headingId = useId();
  const items = appeals.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t('moderation.appeals.heading')}</h2>
      <ToggleGroup
        label={t('moderation.appeals.show')}
        values={['open', 'decided'] as const}
        value={state}
        onChange={setState}
        text={(value) => t(`moderation.appeals.${value}`)}
      />
      {appeals.isSuccess && items.length === 0 && <p>{t('moderation.appeals.empty')}</p>}
      {items.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} />
      ))}
      <LoadMore list={appeals} />
    </section>
  );
}

function AppealCard({ appeal }: { appeal: AppealDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decide = useDecideAppeal();
  const [reason, setReason] = useState('');
  const headingId = useId();
  const { decision } = appeal;
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`moderation.appeals.target.${appeal.targetType}`, { name: appeal.appellant.displayName })}
      </h3>
      <p>
        {t('moderation.appeals.decision', {
          action: t(`transparency.action.${decision.action}`),
          name: decision.actor?.displayName ?? t('transparency.automatic'),
          time: format.time(decision.createdAt),
          reason: decision.reason,
        })}
      </p>
      {appeal.post && appeal.post.status !== 'deleted' && (
        <blockquote className="post__quote">
          <p>{appeal.post.body.slice(0, 500)}</p>
        </blockquote>
      )}
      <p>
        {t('moderation.appeals.message')} <q>{appeal.message}</q>
      </p>
      {appeal.state === 'open' ? (
        <>
          <ReasonField value={reason} onChange={setReason} />
          <div className="row">
            {(['uphold', 'reverse'] as const).map((decisionValue) => (
              <button
                key={decisionValue}
                type="button"
                disabled={reason.trim() === '' || decide.isPending}
                onClick={() => decide.mutate({ id: appeal.id, decision: decisionValue, reason })}
              >
                {t(`moderation.appeals.${decisionValue}`)}
              </button>
            ))}
          </div>
          <ErrorAlert error={decide.error} />
        </>
      ) : (
        <p>
          {t(`moderation.appeals.outcome.${appeal.state}`, {
            name: appeal.decidedBy?.displayName ?? '',
            reason: appeal.decisionReason ?? '',
          })}
        </p>
      )}
    </article>
  );
}
