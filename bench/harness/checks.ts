import { delay } from './processes';
import { Query } from './seed';

type Figures = Record<string, number>;

/**
 * After a write load: every answered post is there once, with exactly one event; the stream's seqs run 1..n with
 * no gap; the debate's counters match the rows. `answered` is the number of 2xx answers; up to `inFlight` more
 * posts may have been written by requests the load generator stopped waiting for at the end.
 */
export function checkPosts(query: Query, debateId: string, answered: number, inFlight: number): Promise<string[]> {
  return audit(
    query,
    `SELECT
       (SELECT count(*)::int FROM posts WHERE debate_id = $1) AS posts,
       (SELECT post_count FROM debates WHERE id = $1) AS post_count,
       (SELECT pro_count + contra_count + neutral_count FROM debates WHERE id = $1) AS stance_count,
       (SELECT COALESCE(max(last_seq), 0)::int FROM streams WHERE name = $2) AS last_seq,
       (SELECT count(*)::int FROM events WHERE stream = $2) AS events,
       (SELECT COALESCE(max(seq), 0)::int FROM events WHERE stream = $2) AS max_seq,
       (SELECT count(*)::int FROM posts p JOIN events e ON e.stream = $2 AND e.seq = p.seq AND e.type = 'post.created'
          AND e.payload ->> 'id' = p.id::text
        WHERE p.debate_id = $1) AS posts_with_event`,
    debateId,
    (row) => [
      [row.posts >= answered, `${answered - row.posts} answered posts are missing`],
      [row.posts <= answered + inFlight, `${row.posts - answered} more posts than answers`],
      [row.post_count === row.posts, 'post_count differs from the posts'],
      [row.stance_count === row.posts, 'the stance counts differ from the posts'],
      [row.events === row.posts && row.posts_with_event === row.posts, 'not one event per post'],
      [row.last_seq === row.events && row.max_seq === row.events, 'the seqs have a gap or a double'],
    ],
  );
}

/** After a vote load: every score is the sum of its votes, and there is one event per counted change, seqs 1..n. */
export function checkVotes(query: Query, debateId: string, answered: number, inFlight: number): Promise<string[]> {
  return audit(
    query,
    `SELECT
       (SELECT count(*)::int FROM posts p WHERE debate_id = $1
          AND score <> (SELECT COALESCE(sum(value), 0) FROM votes WHERE post_id = p.id)) AS wrong_scores,
       (SELECT count(*)::int FROM events WHERE stream = $2 AND type = 'post.voted') AS events,
       (SELECT COALESCE(max(seq), 0)::int FROM events WHERE stream = $2) AS max_seq,
       (SELECT COALESCE(max(last_seq), 0)::int FROM streams WHERE name = $2) AS last_seq`,
    debateId,
    (row) => [
      [row.wrong_scores === 0, `${row.wrong_scores} scores differ from the sum of their votes`],
      [row.events >= answered && row.events <= answered + inFlight, 'not one event per answered vote'],
      [row.last_seq === row.events && row.max_seq === row.events, 'the seqs have a gap or a double'],
    ],
  );
}

/**
 * What `read` answers once two reads `intervalMs` apart agree: work still committing (requests the load generator
 * gave up on, a coalesced event on its timer) has landed by then.
 */
export async function settled<T>(read: () => Promise<T>, intervalMs = 200): Promise<T> {
  let answer = await read();
  for (let i = 0; i < 50; i++) {
    await delay(intervalMs);
    const again = await read();
    const still = JSON.stringify(again) === JSON.stringify(answer);
    answer = again;
    if (still) break;
  }
  return answer;
}

/**
 * Reads the figures of one debate ($1) and its stream ($2) once its stream has stopped growing, and returns each
 * rule that does not hold.
 */
async function audit(
  query: Query,
  sql: string,
  debateId: string,
  rules: (row: Figures) => [boolean, string][],
): Promise<string[]> {
  const stream = `debate:${debateId}`;
  const row = await settled(async () => ((await query(sql, [debateId, stream])) as Figures[])[0]);
  return rules(row)
    .filter(([holds]) => !holds)
    .map(([, what]) => `${what} (${JSON.stringify(row)})`);
}
