import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Question, QuestionOrder } from '../../../lib/api/types';
import { useAskQuestion, useQuestions, useSetQuestionState, useUpvote } from '../api/questions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ToggleGroup } from '../../../components/ToggleGroup';

/** top and new are kept in order here as live events arrive; balanced is the server's (it knows the stances). */
export function sortQuestions(items: Question[], order: QuestionOrder): Question[] {
  if (order === 'balanced') return items;
  const time = (question: Question) => Date.parse(question.createdAt);
  return [...items].sort((a, b) => (order === 'new' ? time(b) - time(a) : b.upvotes - a.upvotes || time(a) - time(b)));
}

export function AskQuestion({ sessionId, disabled }: { sessionId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const ask = useAskQuestion(sessionId);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <form className="ask" onSubmit={submit}>
      <label>
        {t('qa.yourQuestion')}
        <textarea value={body} rows={2} maxLength={500} required onChange={(event) => setBody(event.target.value)} />
      </label>
      <button type="submit" disabled={disabled || ask.isPending || body.trim() === ''}>
        {t('qa.ask')}
      </button>
      <ErrorAlert error={ask.error} />
    </form>
  );
}

interface QuestionListProps {
  sessionId: string;
  /** Signed in: may up-vote. */
  signedIn: boolean;
  /** The organiser or a moderator: may mark answered, hide and show again. */
  staff: boolean;
  frozen: boolean;
  orders: QuestionOrder[];
}

/** The Q&A queue in the chosen order; answered questions below the open ones. */
export function QuestionList({ sessionId, signedIn, staff, frozen, orders }: QuestionListProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const [order, setOrder] = useState<QuestionOrder>(orders[0]);
  const questions = useQuestions(sessionId, order);
  const upvote = useUpvote();
  const setState = useSetQuestionState();
  const items = sortQuestions(questions.data?.items ?? [], order);
  const open = items.filter((question) => question.state !== 'answered');
  const answered = items.filter((question) => question.state === 'answered');

  const row = (question: Question) => (
    <li key={question.id} className={`question question--${question.state}`}>
      <p className="question__body">{question.body}</p>
      <p className="question__meta">
        {question.author?.displayName}
        {question.state === 'hidden' && <span className="badge"> {t('qa.hidden')}</span>}
      </p>
      <div className="question__actions">
        <span className="question__upvotes">{t('qa.upvotes', { count: question.upvotes })}</span>
        {signedIn && question.state !== 'hidden' && (
          <button
            type="button"
            className="secondary"
            aria-pressed={question.myUpvote === true}
            disabled={frozen}
            onClick={() => upvote.mutate({ id: question.id, up: question.myUpvote !== true })}
          >
            {t('qa.upvote')}
          </button>
        )}
        {staff && question.state === 'open' && (
          <>
            <button
              type="button"
              disabled={frozen}
              onClick={() => setState.mutate({ id: question.id, state: 'answered' })}
            >
              {t('qa.markAnswered')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={frozen}
              onClick={() => setState.mutate({ id: question.id, state: 'hidden' })}
            >
              {t('qa.hide')}
            </button>
          </>
        )}
        {staff && question.state !== 'open' && (
          <button
            type="button"
            className="secondary"
            disabled={frozen}
            onClick={() => setState.mutate({ id: question.id, state: 'open' })}
          >
            {question.state === 'hidden' ? t('qa.show') : t('qa.reopen')}
          </button>
        )}
      </div>
    </li>
  );

  return (
    <section className="qa" aria-labelledby="qa-heading">
      <h2 id="qa-heading">{t('qa.heading')}</h2>
      {!signedIn && !frozen && (
        <p>
          <Link to="/login" state={{ from: location.pathname }}>
            {t('qa.signIn')}
          </Link>
        </p>
      )}
      {orders.length > 1 && (
        <ToggleGroup
          className="qa__orders"
          label={t('qa.order.label')}
          values={orders}
          value={order}
          onChange={setOrder}
          text={(value) => t(`qa.order.${value}`)}
        />
      )}
      {order === 'balanced' && <p className="hint">{t('qa.order.balancedHint')}</p>}
      <ErrorAlert error={upvote.error ?? setState.error} />
      {items.length === 0 && questions.isSuccess && <p>{t('qa.empty')}</p>}
      <ol className="questions">{open.map(row)}</ol>
      {answered.length > 0 && (
        <>
          <h3>{t('qa.answered')}</h3>
          <ol className="questions">{answered.map(row)}</ol>
        </>
      )}
    </section>
  );
}
