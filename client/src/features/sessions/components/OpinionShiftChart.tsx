import { useTranslation } from 'react-i18next';
import { Layer, Rectangle, ResponsiveContainer, Sankey, SankeyNodeProps, Tooltip } from 'recharts';
import type { OpinionShift } from '../../../lib/api/types';

/** Room on each side of the flows for the answers' names. */
const LABEL_SPACE = 150;

/** A node with its answer and head count: answers before on the left of their bar, answers after on the right. */
function AnswerNode({ x, y, width, height, index, payload, before }: SankeyNodeProps & { before: number }) {
  const left = index < before;
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={height} fill="#1f5fbf" />
      <text
        x={left ? x - 6 : x + width + 6}
        y={y + height / 2}
        textAnchor={left ? 'end' : 'start'}
        dominantBaseline="middle"
        fontSize={13}
        fill="#1b1f24"
      >
        {`${payload.name} (${payload.value})`}
      </text>
    </Layer>
  );
}

/**
 * Who moved where between the pre and the post poll, as flows from each answer before to each answer after (only
 * people who answered both). The table beside it carries the same figures for screen readers.
 */
export default function OpinionShiftChart({ shift }: { shift: OpinionShift }) {
  const { t } = useTranslation();
  const n = shift.options.length;
  const nodes = [
    ...shift.options.map((option) => ({ name: clip(option) })),
    ...shift.options.map((option) => ({ name: clip(option) })),
  ];
  const links = shift.matrix.flatMap((row, i) =>
    row.flatMap((people, j) => (people > 0 ? [{ source: i, target: n + j, value: people }] : [])),
  );
  if (links.length === 0) return <p>{t('report.nobodyBoth')}</p>;
  return (
    <div className="shift-chart" aria-hidden="true">
      <p className="shift-chart__legend">
        <span>{t('report.beforeSide')}</span>
        <span>{t('report.afterSide')}</span>
      </p>
      <ResponsiveContainer width="100%" height={Math.max(220, n * 70)}>
        <Sankey
          data={{ nodes, links }}
          nodePadding={24}
          margin={{ top: 10, right: LABEL_SPACE, bottom: 10, left: LABEL_SPACE }}
          node={(props: SankeyNodeProps) => <AnswerNode {...props} before={n} />}
          link={{ stroke: '#1f5fbf', strokeOpacity: 0.25 }}
        >
          <Tooltip />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
}

function clip(option: string): string {
  return option.length > 18 ? `${option.slice(0, 17)}…` : option;
}
