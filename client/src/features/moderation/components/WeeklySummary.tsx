import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransparencySummary } from '../../../lib/api/types';
import { FLAG_REASONS } from '../constants';
import { useTransparencySummary } from '../api/logs';
import { useFormat } from './format';

/** What counts as enforcing a rule: content removed, held or labelled, people suspended. */
const ENFORCEMENT = new Set(['hide', 'delete', 'label', 'suspend', 'hold']);
const CATEGORIES = [...FLAG_REASONS, 'watched_word'] as const;
const BAR = 28;
const GAP = 12;
const HEIGHT = 160;

type Week = TransparencySummary['weeks'][number];

function enforced(week: Week, category: string): number {
  return week.counts
    .filter((count) => ENFORCEMENT.has(count.action) && count.category === category)
    .reduce((sum, count) => sum + count.count, 0);
}

/** Enforcement per week by the rule it enforced, as a stacked bar chart with the same figures in a table. */
export function WeeklySummary() {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useTransparencySummary();
  const ids = { heading: useId(), chart: useId() };
  if (!summary.data) return summary.isError ? <p role="alert">{t('errors.generic')}</p> : null;
  const { weeks } = summary.data;
  const totals = weeks.map((week) => CATEGORIES.reduce((sum, category) => sum + enforced(week, category), 0));
  const max = Math.max(1, ...totals);
  const used = CATEGORIES.filter((category) => weeks.some((week) => enforced(week, category) > 0));
  const total = totals.reduce((sum, value) => sum + value, 0);
  return (
    <section aria-labelledby={ids.heading} className="stack">
      <h2 id={ids.heading}>{t('transparency.summary')}</h2>
      <p>
        {t('transparency.appeals', {
          decided: summary.data.appealsDecided,
          reversed: summary.data.appealsReversed,
          open: summary.data.appealsOpen,
        })}
      </p>
      <figure className="chart">
        <svg
          role="img"
          aria-labelledby={ids.chart}
          viewBox={`0 0 ${weeks.length * (BAR + GAP)} ${HEIGHT + 20}`}
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={ids.chart}>{t('transparency.chartTitle', { count: total, weeks: weeks.length })}</title>
          {weeks.map((week, i) => {
            let top = HEIGHT;
            return (
              <g key={week.weekStart} transform={`translate(${i * (BAR + GAP)}, 0)`}>
                {used.map((category) => {
                  const height = (enforced(week, category) / max) * HEIGHT;
                  top -= height;
                  return height > 0 ? (
                    <rect
                      key={category}
                      className={`chart__bar chart__bar--${category}`}
                      x={0}
                      y={top}
                      width={BAR}
                      height={height}
                    >
                      <title>
                        {`${t(`transparency.category.${category}`)}: ${enforced(week, category)} (${format.date(week.weekStart)})`}
                      </title>
                    </rect>
                  ) : null;
                })}
                <text x={BAR / 2} y={HEIGHT + 14} textAnchor="middle" className="chart__tick">
                  {totals[i]}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          <ul className="chart__legend">
            {used.map((category) => (
              <li key={category}>
                <span className={`chart__swatch chart__bar--${category}`} aria-hidden="true" />
                {t(`transparency.category.${category}`)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <details>
        <summary>{t('transparency.asTable')}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('transparency.week')}</th>
              {used.map((category) => (
                <th key={category} scope="col">
                  {t(`transparency.category.${category}`)}
                </th>
              ))}
              <th scope="col">{t('transparency.appealsReversed')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{format.date(week.weekStart)}</th>
                {used.map((category) => (
                  <td key={category}>{enforced(week, category)}</td>
                ))}
                <td>
                  {week.appealsReversed} / {week.appealsDecided}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
