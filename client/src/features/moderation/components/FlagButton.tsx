import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import type { FlagReason, Post } from '../../../lib/api/types';
import { FLAG_REASONS } from '../constants';
import { useFlag } from '../api/decisions';

/**
 * **Flag** on a post: a dialog with the reasons as a radio group, an optional note and **Send flag**. Once sent it
 * reads **Flagged** and does nothing more, but stays focusable (aria-disabled): the dialog gives the focus back to it.
 */
export function FlagButton({ post }: { post: Post }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup={sent ? undefined : 'dialog'}
        aria-disabled={sent || undefined}
        onClick={() => !sent && setOpen(true)}
      >
        {sent ? t('flag.flagged') : t('flag.button')}
      </button>
      {open && (
        <FlagDialog
          postId={post.id}
          onClose={(flagged) => {
            setOpen(false);
            if (flagged) setSent(true);
          }}
        />
      )}
    </>
  );
}

function FlagDialog({ postId, onClose }: { postId: string; onClose: (flagged: boolean) => void }) {
  const { t } = useTranslation();
  const flag = useFlag();
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  const ids = { reasons: useId(), note: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason) flag.mutate({ postId, reason, note }, { onSuccess: () => onClose(true) });
  };
  // Flagged before (from another tab, say): the moderators have it either way.
  const already = flag.error instanceof ApiError && flag.error.code === 'already_flagged';
  return (
    <Dialog title={t('flag.title')} onClose={() => onClose(already)}>
      <form onSubmit={submit} className="stack">
        <fieldset role="radiogroup" aria-labelledby={ids.reasons} className="choices">
          <legend id={ids.reasons}>{t('flag.reason')}</legend>
          {FLAG_REASONS.map((value) => (
            <div key={value} className="choice">
              <input
                id={`${ids.reasons}-${value}`}
                type="radio"
                name={ids.reasons}
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
                aria-describedby={`${ids.reasons}-${value}-hint`}
              />
              <span>
                <label htmlFor={`${ids.reasons}-${value}`}>{t(`flag.reasons.${value}`)}</label>
                <small id={`${ids.reasons}-${value}-hint`} className="choice__hint">
                  {t(`flag.hints.${value}`)}
                </small>
              </span>
            </div>
          ))}
        </fieldset>
        <label htmlFor={ids.note}>{t('flag.note')}</label>
        <textarea
          id={ids.note}
          value={note}
          maxLength={500}
          rows={3}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={`${ids.note}-hint`}
        />
        <small id={`${ids.note}-hint`}>{t('flag.noteHint')}</small>
        <ErrorAlert error={flag.error} />
        <div className="row">
          <button type="submit" disabled={!reason || flag.isPending}>
            {t('flag.send')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(already)}>
            {t('flag.cancel')}
          </button>
        </div>
        {!reason && <small>{t('flag.chooseReason')}</small>}
      </form>
    </Dialog>
  );
}
