import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../../lib/api';
import type { OpinionShift, SessionReport } from '../../../lib/api/types';
import { useReport } from '../api/sessions';

// The chart library is loaded only with a report: it is for organisers, not for the phones in the room.
const OpinionShiftChart = lazy(() => import('./OpinionShiftChart'));

/** The report of a session: its figures, the opinion shift of each pre/post pair, and the downloads. */
export function ReportView({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const report = useReport(id);
  if (report.isPending) return <p>{t('sessions.loading')}</p>;
  if (report.isError) {
    const status = report.error instanceof ApiError ? report.error.statusCode : 0;
    // A guest is sent to sign in and brought back here: never a dead end.
    if (status === 401) {
      return (
        <p role="alert">
          <Link to="/login" state={{ from: location.pathname }}>
            {t('report.signIn')}
          </Link>
        </p>
      );
    }
    const key =
      status === 403
        ? 'sessions.errors.forbidden'
        : [400, 404].includes(status)
          ? 'sessions.notFound'
          : 'sessions.errors.generic';
    return <p role="alert">{t(key)}</p>;
  }
  return <Report report={report.data} />;
}

function Report({ report }: { report: SessionReport }) {
  const { t } = useTranslation();
  const { session } = report;
  const base = `/api/sessions/${session.id}/report`;
  return (
    <div className="report">
      <p>
        <Link to={`/sessions/${session.id}/console`}>← {t('report.backToConsole')}</Link>
      </p>
      <h1>{t('report.heading', { title: session.title })}</h1>
      <p className="report__downloads">
        <a href={`${base}?format=csv`} download>
          {t('report.downloadCsv')}
        </a>
        <a href={`${base}?format=md`} download>
          {t('report.downloadMarkdown')}
        </a>
        <a href={`${base}?format=json`} download={`session-${session.code}-report.json`}>
          {t('report.downloadJson')}
        </a>
      </p>
      <dl className="report__figures">
        <dt>{t('report.participants')}</dt>
        <dd>{report.participants}</dd>
        <dt>{t('report.posts')}</dt>
        <dd>
          {t('report.postsByStance', {
            total: report.posts.total,
            pro: report.posts.byStance.pro,
            contra: report.posts.byStance.contra,
            neutral: report.posts.byStance.neutral,
          })}
        </dd>
      </dl>

      <section aria-labelledby="shift-heading">
        <h2 id="shift-heading">{t('report.shift')}</h2>
        {report.shifts.length === 0 && <p>{t('report.noShift')}</p>}
        {report.shifts.map((shift) => (
          <Shift key={shift.postPollId} shift={shift} />
        ))}
      </section>

      <section aria-labelledby="report-polls-heading">
        <h2 id="report-polls-heading">{t('report.polls')}</h2>
        {report.polls.length === 0 && <p>{t('report.none')}</p>}
        {report.polls.map((poll) => (
          <table key={poll.id} className="report__table">
            <caption>
              {poll.question} ({t(`poll.kind.${poll.kind}`)}, {t('poll.total', { count: poll.total })})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('report.option')}</th>
                <th scope="col">{t('report.votes')}</th>
              </tr>
            </thead>
            <tbody>
              {poll.options.map((option, i) => (
                <tr key={option}>
                  <th scope="row">{option}</th>
                  <td>{poll.counts[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>

      <section aria-labelledby="report-questions-heading">
        <h2 id="report-questions-heading">{t('report.questions')}</h2>
        {report.questions.length === 0 && <p>{t('report.none')}</p>}
        <ol>
          {report.questions.map((question) => (
            <li key={question.id}>
              {question.body}{' '}
              <span className="hint">
                ({t('qa.upvotes', { count: question.upvotes })}, {t(`qa.state.${question.state}`)})
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="report-top-heading">
        <h2 id="report-top-heading">{t('report.topPosts')}</h2>
        {report.topPosts.length === 0 && <p>{t('report.none')}</p>}
        <ol>
          {report.topPosts.map((post) => (
            <li key={post.id}>
              <Link to={`/debates/${post.debateId}`}>{post.body.slice(0, 200)}</Link>{' '}
              <span className="hint">
                {post.author?.displayName} · {t('post.score', { score: post.score })}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Shift({ shift }: { shift: OpinionShift }) {
  const { t } = useTranslation();
  return (
    <article className="shift">
      <h3>{shift.question}</h3>
      <p>{t('report.changed', { changed: shift.changed, paired: shift.paired })}</p>
      {(shift.onlyBefore > 0 || shift.onlyAfter > 0) && (
        <p className="hint">{t('report.onlyOne', { before: shift.onlyBefore, after: shift.onlyAfter })}</p>
      )}
      <Suspense fallback={null}>
        <OpinionShiftChart shift={shift} />
      </Suspense>
      <table className="report__table">
        <caption>{t('report.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.beforeAfter')}</th>
            {shift.options.map((option) => (
              <th key={option} scope="col">
                {option}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shift.matrix.map((row, i) => (
            <tr key={shift.options[i]}>
              <th scope="row">{shift.options[i]}</th>
              {row.map((people, j) => (
                <td key={j}>{people}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('report.net')}</th>
            {shift.net.map((change, j) => (
              <td key={j}>{change > 0 ? `+${change}` : change}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </article>
  );
}
