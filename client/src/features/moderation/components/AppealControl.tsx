import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { focusElement } from '../../../components/focus';
import type { Appeal } from '../../../lib/api/types';
import { useCreateAppeal, useMyAppeals } from '../api/decisions';

interface AppealControlProps {
  targetType: 'post' | 'suspension';
  targetId: string;
  /** Whether a decision stands now (the post hidden or labelled, the account suspended). */
  standing: boolean;
}

/**
 * What the person a decision is about can do: **Appeal** it, then see the appeal waiting and its outcome. A
 * reversed appeal followed by a new decision (the post hidden again) can be appealed again.
 */
export function AppealControl({ targetType, targetId, standing }: AppealControlProps) {
  const { t } = useTranslation();
  const mine = useMyAppeals(true);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const state = useRef<HTMLParagraphElement>(null);
  const latest: Appeal | undefined = mine.data?.items.find((appeal) => appeal.targetId === targetId);
  const mayAppeal = standing && (!latest || latest.state === 'reversed');
  // Sent, the Appeal button goes once the appeal shows: the focus moves to what it says now.
  useEffect(() => {
    if (sent && latest?.state === 'open') focusElement(state.current);
  }, [sent, latest?.state]);
  return (
    <div className="appeal">
      {latest && (
        <p ref={state} className="appeal__state" role="status">
          {t(`appeal.state.${latest.state}`, { reason: latest.decisionReason ?? '' })}
        </p>
      )}
      {mayAppeal && !mine.isPending && (
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {t('appeal.button')}
        </button>
      )}
      {open && (
        <AppealDialog
          targetType={targetType}
          targetId={targetId}
          onClose={(done) => {
            setOpen(false);
            setSent(done);
          }}
        />
      )}
    </div>
  );
}

function AppealDialog({
  targetType,
  targetId,
  onClose,
}: {
  targetType: 'post' | 'suspension';
  targetId: string;
  onClose: (sent: boolean) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAppeal();
  const [message, setMessage] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ targetType, targetId, message }, { onSuccess: () => onClose(true) });
  };
  return (
    <Dialog title={t('appeal.title')} onClose={() => onClose(false)}>
      <form onSubmit={submit} className="stack">
        <label htmlFor={id}>{t('appeal.message')}</label>
        <textarea
          id={id}
          value={message}
          maxLength={2000}
          rows={4}
          onChange={(event) => setMessage(event.target.value)}
        />
        <ErrorAlert error={create.error} />
        <div className="row">
          <button type="submit" disabled={message.trim() === '' || create.isPending}>
            {t('appeal.send')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(false)}>
            {t('appeal.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
