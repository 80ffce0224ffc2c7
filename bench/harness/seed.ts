/**
 * Data written straight to the tables, consistent with what the forum would have written (paths, roots, depths,
 * counters, scores that are the sum of the votes, signed-in sessions), so the scenarios that read it start in
 * seconds rather than minutes. What a scenario measures goes through the servers.
 */
import { randomBytes } from 'node:crypto';
import { TOKEN_LIFETIME_SECONDS } from '../../src/auth/auth-token';
import { Person, sessionToken } from './forum';

export type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

const STANCES = `(ARRAY['pro', 'contra', 'neutral'])`;

/**
 * A debate of `posts` posts: 40% top-level with stances, the rest replies at depths 1-5 to random posts of the
 * level above; each author votes on a quarter of them, and the scores are those votes.
 */
export async function seedThread(query: Query, debateId: string, authors: string[], posts = 2000): Promise<void> {
  const top = Math.round(posts * 0.4);
  await query(
    `INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, created_at)
     SELECT g.id, g.id, g.id || '/', 0, $1, ($2::uuid[])[1 + g.n % cardinality($2::uuid[])],
            'Argument ' || g.n || ': ' || repeat('labels will not stop fakes ', 4 + g.n % 12),
            ${STANCES}[1 + g.n % 3], now() - (($3 - g.n) * interval '1 minute')
     FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $3) n) g`,
    [debateId, authors, top],
  );
  const replies = posts - top;
  const perDepth = [0.4, 0.25, 0.17, 0.11].map((share) => Math.round(replies * share));
  perDepth.push(replies - perDepth.reduce((sum, n) => sum + n, 0));
  for (const [index, count] of perDepth.entries()) {
    await query(
      `WITH parents AS (
         SELECT array_agg(id) AS ids FROM posts WHERE debate_id = $1 AND depth = $2
       ), g AS (
         SELECT gen_random_uuid() AS id, n, ids[1 + floor(random() * cardinality(ids))::int] AS parent_id
         FROM parents, generate_series(1, $3) n
       )
       INSERT INTO posts (id, root_id, path, depth, parent_id, debate_id, author_id, body, created_at)
       SELECT g.id, p.root_id, p.path || g.id || '/', p.depth + 1, p.id, $1,
              ($4::uuid[])[1 + g.n % cardinality($4::uuid[])],
              'Reply ' || g.n || ': ' || repeat('but provenance helps ', 2 + g.n % 10),
              p.created_at + random() * interval '30 minutes'
       FROM g JOIN posts p ON p.id = g.parent_id`,
      [debateId, index, count, authors],
    );
  }
  await query(
    `INSERT INTO votes (post_id, user_id, value)
     SELECT p.id, a.id, CASE WHEN random() < 0.75 THEN 1 ELSE -1 END
     FROM posts p CROSS JOIN unnest($2::uuid[]) AS a (id)
     WHERE p.debate_id = $1 AND random() < 0.25`,
    [debateId, authors],
  );
  await query(
    `UPDATE posts p SET score = v.score FROM (
       SELECT post_id, sum(value)::int AS score FROM votes GROUP BY post_id
     ) v WHERE p.id = v.post_id AND p.debate_id = $1`,
    [debateId],
  );
  await query(
    `UPDATE posts p SET reply_count = r.n FROM (
       SELECT parent_id, count(*)::int AS n FROM posts WHERE debate_id = $1 AND parent_id IS NOT NULL GROUP BY 1
     ) r WHERE p.id = r.parent_id`,
    [debateId],
  );
  await countPosts(query, [debateId]);
}

/** Top-level posts only, scattered in time, for debates that are scenery around the measured one. */
export async function seedTopLevel(query: Query, debateId: string, author: string, posts: number): Promise<void> {
  await query(
    `INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, created_at)
     SELECT g.id, g.id, g.id || '/', 0, $1, $2, 'A neighbour''s argument ' || g.n, ${STANCES}[1 + g.n % 3],
            now() - random() * interval '30 days'
     FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $3) n) g`,
    [debateId, author, posts],
  );
  await query(`UPDATE debates SET post_count = post_count + $2 WHERE id = $1`, [debateId, posts]);
}

/** `count` posts with their post.created events, seqs 1..count: what a reader who left at seq 0 missed. */
export async function seedMissed(query: Query, debateId: string, author: string, count = 1000): Promise<void> {
  const stream = `debate:${debateId}`;
  await query(`INSERT INTO streams (name, last_seq) VALUES ($1, $2)`, [stream, count]);
  await query(
    `WITH made AS (
       INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, seq)
       SELECT g.id, g.id, g.id || '/', 0, $2, $3, 'Missed argument ' || g.n, 'pro', g.n
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $4) n) g
       RETURNING id, seq, body, created_at
     )
     INSERT INTO events (stream, seq, type, payload)
     SELECT $1, seq, 'post.created', jsonb_build_object(
       'id', id, 'debateId', $2::uuid, 'parentId', null, 'body', body, 'stance', 'pro', 'status', 'visible',
       'score', 0, 'replyCount', 0, 'depth', 0, 'seq', seq, 'createdAt', created_at,
       'author', jsonb_build_object('id', $3::uuid))
     FROM made`,
    [stream, debateId, author, count],
  );
  await query(`UPDATE debates SET post_count = post_count + $2, pro_count = pro_count + $2 WHERE id = $1`, [
    debateId,
    count,
  ]);
}

/**
 * `count` participants, each with a live session row and the token the forum would sign for it, with the password
 * (hash) of `like`: the sign-in is the forum's own, only the argon2 of each registration is skipped.
 */
export async function seedPeople(query: Query, like: string, count: number): Promise<Person[]> {
  const rows = (await query(
    `WITH made AS (
       INSERT INTO users (username, display_name, password_hash)
       SELECT 'crowd_' || $2 || '_' || n, 'Crowd ' || n, (SELECT password_hash FROM users WHERE id = $1)
       FROM generate_series(1, $3) n
       RETURNING id
     )
     INSERT INTO auth_sessions (user_id, expires_at)
     SELECT id, now() + $4 * interval '1 second' FROM made
     RETURNING id, user_id`,
    [like, randomBytes(3).toString('hex'), count, TOKEN_LIFETIME_SECONDS],
  )) as { id: string; user_id: string }[];
  return rows.map((row) => ({ id: row.user_id, token: sessionToken(row.user_id, row.id) }));
}

/**
 * Top-level posts with these bodies over the last 60 days, spread over the debates and authors in turn, a share of
 * them `unseen` hidden and as many pending (which only moderators, and the author for pending ones, may see).
 */
export async function seedBodies(
  query: Query,
  debateIds: string[],
  authorIds: string[],
  bodies: string[],
  unseen = 0,
): Promise<void> {
  await query(
    `INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, status, created_at)
     SELECT g.id, g.id, g.id || '/', 0, ($1::uuid[])[1 + g.n % cardinality($1::uuid[])],
            ($2::uuid[])[1 + g.n % cardinality($2::uuid[])], g.body, ${STANCES}[1 + g.n % 3],
            CASE WHEN g.r < $4 THEN 'hidden' WHEN g.r < 2 * $4 THEN 'pending' ELSE 'visible' END,
            now() - random() * interval '60 days'
     FROM (
       SELECT gen_random_uuid() AS id, n, body, random() AS r FROM unnest($3::text[]) WITH ORDINALITY AS b (body, n)
     ) g`,
    [debateIds, authorIds, bodies, unseen],
  );
  await countPosts(query, debateIds);
}

/**
 * A moderation queue: `open` open items and as many resolved ones, each a flagged post of one of the debates and
 * authors (a quarter of them hidden) with two flags from the flaggers, and 5,000 earlier decisions on the authors
 * in the log, so the queue page's author histories have something to count.
 */
export async function seedQueue(
  query: Query,
  moderatorId: string,
  open: number,
  { debateIds, authorIds, flaggerIds }: { debateIds: string[]; authorIds: string[]; flaggerIds: string[] },
): Promise<void> {
  await query(
    `WITH made AS (
       INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, status, created_at)
       SELECT g.id, g.id, g.id || '/', 0, ($1::uuid[])[1 + g.n % cardinality($1::uuid[])],
              ($2::uuid[])[1 + g.n % cardinality($2::uuid[])],
              'A flagged argument, number ' || g.n || ', with a clip that may be generated.', 'pro',
              CASE WHEN g.n % 4 = 0 THEN 'hidden' ELSE 'visible' END,
              now() - interval '30 days' + g.n * interval '1 minute'
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 2 * $4) n) AS g
       RETURNING id, created_at
     ), items AS (
       INSERT INTO queue_items (post_id, causes, opened_at, state, resolved_at, resolution, resolution_reason)
       SELECT id, '[{"kind": "flags"}]', created_at, CASE WHEN resolved THEN 'resolved' ELSE 'open' END,
              CASE WHEN resolved THEN created_at + interval '1 hour' END,
              CASE WHEN resolved THEN 'dismiss' END, CASE WHEN resolved THEN 'Fine' END
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY created_at) <= $4 AS resolved FROM made) m
       RETURNING id, post_id
     )
     INSERT INTO flags (post_id, user_id, item_id, reason, note)
     SELECT items.post_id, ($3::uuid[])[1 + (abs(hashtext(items.id::text)) + j) % cardinality($3::uuid[])], items.id,
            (ARRAY['spam', 'synthetic_media', 'misinformation', 'harassment'])[1 + j % 4], 'Looks generated'
     FROM items CROSS JOIN generate_series(0, 1) AS j`,
    [debateIds, authorIds, flaggerIds, open],
  );
  await query(
    `INSERT INTO moderation_log (actor_id, action, target_type, target_id, target_owner_id, category, reason)
     SELECT $1, (ARRAY['hide', 'delete', 'label', 'suspend'])[1 + n % 4], 'post', gen_random_uuid(),
            ($2::uuid[])[1 + n % cardinality($2::uuid[])], 'spam', 'Earlier decision'
     FROM generate_series(1, 5000) n`,
    [moderatorId, authorIds],
  );
  await countPosts(query, debateIds);
}

/** The debates' post and stance counters, recounted from their rows: visible posts, stances of top-level ones. */
async function countPosts(query: Query, debateIds: string[]): Promise<void> {
  await query(
    `UPDATE debates d SET post_count = c.posts, pro_count = c.pro, contra_count = c.contra, neutral_count = c.neutral
     FROM (
       SELECT debate_id, count(*)::int AS posts,
              count(*) FILTER (WHERE stance = 'pro' AND parent_id IS NULL)::int AS pro,
              count(*) FILTER (WHERE stance = 'contra' AND parent_id IS NULL)::int AS contra,
              count(*) FILTER (WHERE stance = 'neutral' AND parent_id IS NULL)::int AS neutral
       FROM posts WHERE debate_id = ANY($1::uuid[]) AND status = 'visible' GROUP BY debate_id
     ) c WHERE d.id = c.debate_id`,
    [debateIds],
  );
}
