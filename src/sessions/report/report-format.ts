import type { ReportDto } from '../dto/report.dto';

/** One table of the report: CSV writes it as a section, Markdown as a table under a heading. */
interface Table {
  title: string;
  head: string[];
  rows: (string | number)[][];
}

/** The report's figures as tables, the same for CSV and Markdown. */
export function reportTables(report: ReportDto): Table[] {
  const { session } = report;
  const pollsById = new Map(report.polls.map((poll) => [poll.id, poll]));
  return [
    {
      title: 'Summary',
      head: ['field', 'value'],
      rows: [
        ['title', session.title],
        ['code', session.code],
        ['status', session.status],
        ['started', session.startedAt ?? ''],
        ['ended', session.endedAt ?? ''],
        ['participants', report.participants],
        ['posts', report.posts.total],
        ['posts pro', report.posts.byStance.pro],
        ['posts contra', report.posts.byStance.contra],
        ['posts neutral', report.posts.byStance.neutral],
      ],
    },
    {
      title: 'Polls',
      head: ['poll', 'kind', 'question', 'option', 'votes', 'total'],
      rows: report.polls.flatMap((poll) =>
        poll.options.map((option, i) => [poll.id, poll.kind, poll.question, option, poll.counts[i], poll.total]),
      ),
    },
    {
      title: 'Opinion shift',
      head: ['pre poll', 'post poll', 'option', 'before', 'after', 'net'],
      rows: report.shifts.flatMap((shift) => {
        const before = pollsById.get(shift.prePollId)?.counts ?? [];
        const after = pollsById.get(shift.postPollId)?.counts ?? [];
        return shift.options.map((option, j) => [
          shift.prePollId,
          shift.postPollId,
          option,
          before[j] ?? 0,
          after[j] ?? 0,
          shift.net[j],
        ]);
      }),
    },
    {
      title: 'Opinion shift per person (answered both)',
      head: ['pre poll', 'post poll', 'before', 'after', 'people'],
      rows: report.shifts.flatMap((shift) =>
        shift.matrix.flatMap((row, i) =>
          row.map((people, j) => [shift.prePollId, shift.postPollId, shift.options[i], shift.options[j], people]),
        ),
      ),
    },
    {
      title: 'Opinion shift totals',
      head: ['pre poll', 'post poll', 'answered both', 'changed', 'only before', 'only after'],
      rows: report.shifts.map((shift) => [
        shift.prePollId,
        shift.postPollId,
        shift.paired,
        shift.changed,
        shift.onlyBefore,
        shift.onlyAfter,
      ]),
    },
    {
      title: 'Questions',
      head: ['question', 'asked by', 'upvotes', 'state', 'asked at'],
      rows: report.questions.map((question) => [
        question.body,
        question.author,
        question.upvotes,
        question.state,
        question.createdAt,
      ]),
    },
    {
      title: 'Top posts',
      head: ['post', 'debate', 'author', 'stance', 'score', 'text'],
      rows: report.topPosts.map((post) => [
        post.id,
        post.debateId,
        post.author?.displayName ?? '',
        post.stance ?? '',
        post.score,
        post.body,
      ]),
    },
  ];
}

/**
 * A CSV cell: quoted when it holds a separator, quote or line break; text that a spreadsheet would run as a
 * formula (=, +, -, @ first) is prefixed with an apostrophe, since these cells are what participants typed.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One section per table: its title on a line of its own, the header, the rows, a blank line between sections. */
export function toCsv(report: ReportDto): string {
  return reportTables(report)
    .map((table) => [[table.title], table.head, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n'))
    .join('\r\n\r\n')
    .concat('\r\n');
}

/** A Markdown table cell: pipes escaped, line breaks kept as <br>. */
export function markdownCell(value: string | number): string {
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function toMarkdown(report: ReportDto): string {
  const lines = [`# Report: ${markdownCell(report.session.title)}`, '', `Generated ${report.generatedAt}.`];
  for (const table of reportTables(report)) {
    lines.push('', `## ${table.title}`, '');
    if (table.rows.length === 0) {
      lines.push('None.');
      continue;
    }
    lines.push(`| ${table.head.map(markdownCell).join(' | ')} |`, `|${table.head.map(() => ' --- |').join('')}`);
    for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  }
  return lines.join('\n').concat('\n');
}
