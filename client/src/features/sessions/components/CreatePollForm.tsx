import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll, PollKind } from '../../../lib/api/types';
import { useCreatePoll } from '../api/polls';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** A draft poll: question, one option per line, its kind, and for a post poll the pre poll it repeats. */
export function CreatePollForm({
  sessionId,
  polls,
  disabled,
}: {
  sessionId: string;
  polls: Poll[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const create = useCreatePoll(sessionId);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [kind, setKind] = useState<PollKind>('quick');
  const pres = polls.filter((poll) => poll.kind === 'pre');
  const [pairedPollId, setPairedPollId] = useState('');
  const paired = pres.find((poll) => poll.id === pairedPollId) ?? null;

  const choose = (next: PollKind) => {
    setKind(next);
    // A post poll repeats its pre poll: the latest one, with its question and options, to edit if need be.
    if (next === 'post' && pres.length > 0) {
      const pre = pres[pres.length - 1];
      setPairedPollId(pre.id);
      setOptions(pre.options.join('\n'));
      if (!question.trim()) setQuestion(pre.question);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = options
      .split('\n')
      .map((option) => option.trim())
      .filter(Boolean);
    create.mutate(
      { question, options: list, kind, ...(kind === 'post' && paired ? { pairedPollId: paired.id } : {}) },
      {
        onSuccess: () => {
          setQuestion('');
          setOptions('');
          setKind('quick');
        },
      },
    );
  };

  return (
    <form className="create-poll" onSubmit={submit}>
      <h3>{t('poll.new')}</h3>
      <label>
        {t('poll.question')}
        <input value={question} maxLength={300} required onChange={(event) => setQuestion(event.target.value)} />
      </label>
      <label>
        {t('poll.optionsLabel')}
        <textarea
          value={options}
          rows={4}
          required
          onChange={(event) => setOptions(event.target.value)}
          readOnly={kind === 'post' && paired !== null}
        />
      </label>
      <label>
        {t('poll.kindLabel')}
        <select value={kind} onChange={(event) => choose(event.target.value as PollKind)}>
          {(['quick', 'pre', 'post'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`poll.kind.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'post' && (
        <label>
          {t('poll.pairedWith')}
          <select
            value={pairedPollId}
            onChange={(event) => {
              setPairedPollId(event.target.value);
              const pre = pres.find((poll) => poll.id === event.target.value);
              if (pre) setOptions(pre.options.join('\n'));
            }}
          >
            <option value="">{t('poll.notPaired')}</option>
            {pres.map((poll) => (
              <option key={poll.id} value={poll.id}>
                {poll.question}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="hint">{t('poll.optionsHint')}</p>
      <button type="submit" disabled={disabled || create.isPending}>
        {t('poll.create')}
      </button>
      <ErrorAlert error={create.error} />
    </form>
  );
}
