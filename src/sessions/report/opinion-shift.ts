/** A person's answer to a poll: who, and the option's index. */
export interface Answer {
  userId: string;
  optionIndex: number;
}

export interface OpinionShift {
  /** matrix[i][j]: people who answered option i before and option j after (only people who answered both). */
  matrix: number[][];
  /** People who answered both polls. */
  paired: number;
  /** Of those, how many answered differently after. */
  changed: number;
  /** net[j]: votes for option j after minus before, over everyone who answered each poll. */
  net: number[];
  /** People who answered only the poll before, or only the one after (not in the matrix). */
  onlyBefore: number;
  onlyAfter: number;
}

/** Votes per option, for `optionCount` options. */
export function tally(answers: readonly Answer[], optionCount: number): number[] {
  const counts = new Array<number>(optionCount).fill(0);
  for (const { optionIndex } of answers) counts[optionIndex] += 1;
  return counts;
}

/**
 * How opinion moved between a `pre` and a `post` poll with the same options, as deliberative polling measures it:
 * per person for those who answered both (the matrix), and in aggregate for everyone (net).
 */
export function opinionShift(optionCount: number, before: readonly Answer[], after: readonly Answer[]): OpinionShift {
  const matrix = Array.from({ length: optionCount }, () => new Array<number>(optionCount).fill(0));
  const then = new Map(before.map((answer) => [answer.userId, answer.optionIndex]));
  let paired = 0;
  let changed = 0;
  for (const { userId, optionIndex: now } of after) {
    const was = then.get(userId);
    if (was === undefined) continue;
    paired += 1;
    matrix[was][now] += 1;
    if (was !== now) changed += 1;
  }
  const beforeCounts = tally(before, optionCount);
  const afterCounts = tally(after, optionCount);
  return {
    matrix,
    paired,
    changed,
    net: afterCounts.map((count, j) => count - beforeCounts[j]),
    onlyBefore: before.length - paired,
    onlyAfter: after.length - paired,
  };
}

/** Distinct people over several lists (the report's participants: joined, voted, asked, up-voted or posted). */
export function countPeople(...groups: readonly (readonly string[])[]): number {
  return new Set(groups.flat()).size;
}
