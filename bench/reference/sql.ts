/**
 * The reference's statements: the same tables and the same effects as the forum's, each path in as few round trips
 * as its guarantees allow. Follow the forum's schema here when a migration changes it.
 */

/** The signed-in user behind a token's session, if the session is live: one round trip. */
export const SESSION_USER = `
  SELECT u.id, u.username, u.display_name, u.role, u.suspended_until
  FROM auth_sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()`;

/**
 * A top-level post with its counters and its event, as one statement. The debate row's lock (taken by the UPDATE)
 * comes first and the stream counter's last, as in the forum, and both are held until the statement commits: seq
 * order is commit order, with no gaps. No row comes back when the debate is not open to plain posting (locked,
 * slow mode, pre-moderated), which the reference does not handle.
 * $1 debate, $2 post id, $3 author, $4 body, $5 stance, $6 the payload without seq and createdAt, $7 the path.
 */
export const CREATE_POST = `
  WITH counted AS (
    UPDATE debates SET post_count = post_count + 1, last_activity_at = now(),
      pro_count = pro_count + ($5::text IS NOT DISTINCT FROM 'pro')::int,
      contra_count = contra_count + ($5::text IS NOT DISTINCT FROM 'contra')::int,
      neutral_count = neutral_count + ($5::text IS NOT DISTINCT FROM 'neutral')::int
    WHERE id = $1::uuid AND status = 'open' AND slow_mode_seconds = 0 AND NOT premoderated
    RETURNING id
  ), taken AS (
    INSERT INTO streams (name, last_seq) SELECT 'debate:' || id, 1 FROM counted
    ON CONFLICT (name) DO UPDATE SET last_seq = streams.last_seq + 1
    RETURNING name, last_seq
  ), post AS (
    INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, seq)
    SELECT $2::uuid, $2::uuid, $7::text, 0, $1::uuid, $3::uuid, $4::text, $5::text, last_seq FROM taken
    RETURNING seq, created_at
  ), event AS (
    INSERT INTO events (stream, seq, type, payload)
    SELECT taken.name, taken.last_seq, 'post.created', $6::jsonb || jsonb_build_object(
      'seq', taken.last_seq,
      'createdAt', to_char(post.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM taken, post
  )
  SELECT seq::int AS seq, created_at FROM post`;

/**
 * A vote as one statement: the post's row lock, the vote's upsert (or delete for 0), the score by the difference,
 * the post.voted event. Nothing changes when the vote is the same as before. The previous vote is read in the
 * statement's snapshot, so one person's two concurrent votes on one post could both count (the forum reads it after
 * the lock); the benchmark never sends those.
 * $1 post, $2 voter, $3 value (1, -1 or 0).
 */
export const VOTE = `
  WITH post AS (
    SELECT id, debate_id, score FROM posts WHERE id = $1::uuid AND status = 'visible' FOR UPDATE
  ), previous AS (
    SELECT COALESCE((SELECT value FROM votes WHERE post_id = $1::uuid AND user_id = $2::uuid), 0)::int AS value
  ), change AS (
    SELECT post.id, post.debate_id, $3::int - previous.value AS delta FROM post, previous WHERE previous.value <> $3
  ), upserted AS (
    INSERT INTO votes (post_id, user_id, value, updated_at) SELECT id, $2::uuid, $3::int, now() FROM change
    WHERE $3 <> 0
    ON CONFLICT (post_id, user_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
  ), deleted AS (
    DELETE FROM votes WHERE post_id = $1 AND user_id = $2 AND $3 = 0 AND EXISTS (SELECT 1 FROM change)
  ), scored AS (
    UPDATE posts SET score = score + change.delta FROM change WHERE posts.id = change.id
    RETURNING posts.id, posts.score, posts.debate_id
  ), taken AS (
    INSERT INTO streams (name, last_seq) SELECT 'debate:' || debate_id, 1 FROM scored
    ON CONFLICT (name) DO UPDATE SET last_seq = streams.last_seq + 1
    RETURNING name, last_seq
  ), event AS (
    INSERT INTO events (stream, seq, type, payload)
    SELECT taken.name, taken.last_seq, 'post.voted', jsonb_build_object('id', scored.id, 'score', scored.score)
    FROM taken, scored
  )
  SELECT (SELECT score FROM post) AS before, (SELECT score FROM scored) AS after`;

const POST_COLUMNS = `p.id, p.debate_id, p.parent_id, p.author_id, p.body, p.stance, p.section_id, p.quote, p.status,
  p.score, p.reply_count, p.depth, p.root_id, p.path, p.seq, p.created_at, p.edited_at,
  a.username AS author_username, a.display_name AS author_display_name, mv.value AS my_vote`;

/** The forum's page query (PostRepository.level) for the top level, as it is sent today. */
export const TOP_LEVEL_PAGE = {
  top: { order: 'p.score DESC, p.created_at DESC, p.id DESC', key: '(p.score, p.created_at, p.id)', after: '<' },
  new: { order: 'p.created_at DESC, p.id DESC', key: '(p.created_at, p.id)', after: '<' },
} as const;

export function topLevelPage(sort: keyof typeof TOP_LEVEL_PAGE, keyset: string[] | null): string {
  const { order, key, after } = TOP_LEVEL_PAGE[sort];
  return `
    SELECT ${POST_COLUMNS} FROM posts p
    JOIN users a ON a.id = p.author_id
    LEFT JOIN votes mv ON mv.post_id = p.id AND mv.user_id = $2
    WHERE p.debate_id = $1 AND p.parent_id IS NULL AND $4::uuid IS NULL
      AND ($3 OR p.status IN ('visible', 'deleted') OR (p.status = 'pending' AND p.author_id = $2))
      ${keyset ? `AND ${key} ${after} (${keyset.join(', ')})` : ''}
    ORDER BY ${order} LIMIT $5`;
}

/** Whether a debate exists, and its stream's last seq: what a join needs before it reads the log. */
export const DEBATE_SEQ = `
  SELECT COALESCE(s.last_seq, 0)::int AS seq FROM debates d LEFT JOIN streams s ON s.name = 'debate:' || d.id
  WHERE d.id = $1`;

/** A guest's missed events with each post's status now, in one query (the forum reads the statuses after). */
export const MISSED = `
  SELECT e.seq::int AS seq, e.type, e.payload, p.status
  FROM events e LEFT JOIN posts p ON p.id = (e.payload ->> 'id')::uuid AND e.type LIKE 'post.%'
  WHERE e.stream = $1 AND e.seq > $2 AND NOT e.restricted
  ORDER BY e.seq LIMIT $3`;
